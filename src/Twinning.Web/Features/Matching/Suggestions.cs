using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Twinning.Domain.Directory;
using Twinning.Domain.Localization;
using Twinning.Domain.Matching;
using Twinning.Domain.Requests;
using Twinning.Infrastructure.Data;
using Twinning.Infrastructure.Directory;
using Twinning.Web.Localization;
using Twinning.Web.Resources;

namespace Twinning.Web.Features.Matching;

/// <summary>One reason worded in the reader's language, with its share of the score (0..1).</summary>
public sealed record ReasonView(ReasonCode Code, string Text, double Share);

/// <summary>One ranked candidate as pages and the API show it.</summary>
public sealed record SuggestionView(DirectoryEntry Entry, string CountryName, int Rank, double Score, IReadOnlyList<ReasonView> Reasons);

/// <summary>What a ranking is for: an organisation's own facts, or a request's criteria (with its owner's facts).</summary>
public sealed record MatchingContext(DirectoryEntry Organisation, MatchSubject Subject, PartnerRequest? Request = null);

/// <summary>
/// Turns organisations and requests into <see cref="MatchSubject"/>s, ranks them on the current
/// <see cref="MatchingIndex"/> and words each reason in the reader's language.
/// </summary>
public sealed class Suggestions(
    MatchingIndex index,
    TwinningDbContext db,
    IMemoryCache cache,
    IStringLocalizer<SharedResource> t,
    Microsoft.Extensions.Options.IOptions<MatchingOptions> options)
{
    public const int DefaultTop = 20;
    public const int MaxTop = 200;

    /// <summary>Reasons below this share are not worth a line.</summary>
    private const double MinShare = 0.05;

    /// <summary>Theme names change rarely (an admin renames one); reading them for each ranking cost more than the ranking.</summary>
    private static readonly TimeSpan ThemeNamesLifetime = TimeSpan.FromSeconds(30);

    public MatchingSnapshot Snapshot { get; } = index.Current;

    /// <summary>Suggestions for an organisation from its profile: its size, place, themes and languages; its partners excluded.</summary>
    public MatchingContext? ForOrganisation(int organisationId, RerankFilter? filter = null)
    {
        if (Snapshot.Directory.Find(organisationId) is not { } organisation)
            return null;
        var subject = Subject(organisation) with
        {
            Themes = organisation.ThemeIds,
            Languages = organisation.WorkingLanguages,
        };
        return new MatchingContext(organisation, filter?.Apply(subject) ?? subject);
    }

    /// <summary>Candidates for a request: its wanted countries and sizes filter, its themes, languages and distance rank.</summary>
    public MatchingContext? ForRequest(PartnerRequest request, RerankFilter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Snapshot.Directory.Find(request.OrganisationId) is not { } organisation)
            return null;
        var subject = Subject(organisation) with
        {
            // A request that names no themes or languages is read with its organisation's own.
            Themes = request.Themes.Count > 0 ? request.Themes : organisation.ThemeIds,
            Languages = request.WorkingLanguages.Count > 0 ? request.WorkingLanguages : organisation.WorkingLanguages,
            WantedCountries = request.WantedCountries,
            WantedBands = request.WantedBands,
            Distance = request.Distance,
        };
        return new MatchingContext(organisation, filter?.Apply(subject) ?? subject, request);
    }

    private MatchSubject Subject(DirectoryEntry organisation) => new()
    {
        OrganisationId = organisation.Id,
        CountryCode = organisation.CountryCode,
        Population = organisation.Population,
        Band = organisation.Band,
        Latitude = organisation.Latitude,
        Longitude = organisation.Longitude,
        Exclude = Snapshot.PartnersOf(organisation.Id),
    };

    public async Task<IReadOnlyList<SuggestionView>> RankAsync(MatchingContext context, int top, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ranked = Snapshot.Matcher.Rank(context.Subject, Math.Clamp(top, 1, MaxTop));
        var themes = await ThemeNamesAsync(cancellationToken);
        return ranked.Select((m, i) => View(context, m, i + 1, themes)).OfType<SuggestionView>().ToList();
    }

    public async Task<SuggestionView?> ExplainAsync(MatchingContext context, MatchPosition position, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(position);
        return View(context, position.Match, position.Rank, await ThemeNamesAsync(cancellationToken), minShare: 0);
    }

    /// <summary>
    /// Open requests that fit the given one both ways: their organisation meets its countries and sizes, and
    /// its organisation meets theirs; best match first.
    /// </summary>
    public IReadOnlyList<(RequestListing Request, double Score)> FittingRequests(PartnerRequest request, int top)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Snapshot.Directory.Find(request.OrganisationId) is not { } own || ForRequest(request) is not { } context)
            return [];
        var mine = Requests.RequestCatalog.Listing(request, own);
        return Snapshot.OpenRequests
            .Where(other => other.OrganisationId != request.OrganisationId)
            .Select(other => (Other: other, Organisation: Snapshot.Directory.Find(other.OrganisationId)))
            .Where(x => x.Organisation is not null && RequestFit.Accepts(mine, x.Organisation) && RequestFit.Accepts(x.Other, own))
            .Select(x => (x.Other, Match: Snapshot.Matcher.Explain(context.Subject, x.Other.OrganisationId)))
            .Where(x => x.Match is not null)
            .OrderByDescending(x => x.Match!.Score).ThenByDescending(x => x.Other.PublishedAt)
            .Take(top)
            .Select(x => (x.Other, x.Match!.Score))
            .ToList();
    }

    private SuggestionView? View(MatchingContext context, Match match, int rank, IReadOnlyDictionary<int, string> themes, double minShare = MinShare)
    {
        if (Snapshot.Directory.Find(match.OrganisationId) is not { } candidate)
            return null;
        var culture = CultureRouting.CurrentCulture();
        var reasons = match.Reasons
            .Where(r => r.Share >= minShare)
            // "Towns like these often twin" is only said when the prior finds them clearly likelier than chance (e^0.5 ≈ 1.6×).
            .Where(r => r.Code != ReasonCode.KnownPattern || PriorScale.ToLogRatio(r.Share * match.Score, options.Value.Weights.Prior) > 0.5)
            .Select(r => new ReasonView(r.Code, Word(r, context, candidate, themes, culture), Math.Round(r.Share, 3)))
            .ToList();
        return new SuggestionView(candidate, DirectoryData.CountryName(candidate.CountryCode, culture), rank, match.Score, reasons);
    }

    /// <summary>One reason as a sentence for the reader ("Shares 2 of your themes: sport, culture").</summary>
    private string Word(MatchReason reason, MatchingContext context, DirectoryEntry candidate, IReadOnlyDictionary<int, string> themes, string culture)
    {
        var own = context.Organisation;
        return reason.Code switch
        {
            ReasonCode.SimilarSize when own.Band is { } band && band == candidate.Band => t["Matching.Reason.SameBand", t[$"Band.{band}"]],
            ReasonCode.SimilarSize => t["Matching.Reason.SimilarSize", (candidate.Population ?? 0).ToString("N0", CultureInfo.CurrentCulture)],
            ReasonCode.WantedSize => t["Matching.Reason.WantedSize", candidate.Band is { } b ? t[$"Band.{b}"] : string.Empty],
            ReasonCode.SharedThemes => t["Matching.Reason.SharedThemes", reason.ThemeIds.Count,
                string.Join(", ", reason.ThemeIds.Select(id => themes.GetValueOrDefault(id, string.Empty)).Where(n => n.Length > 0))],
            ReasonCode.SharedLanguages => t["Matching.Reason.SharedLanguages",
                string.Join(", ", reason.Languages.Select(l => SupportedCultures.All.FirstOrDefault(c => c.Code == l)?.NativeName ?? l))],
            ReasonCode.Near => t["Matching.Reason.Near", Kilometres(own, candidate)],
            ReasonCode.Far => t["Matching.Reason.Far", Kilometres(own, candidate)],
            ReasonCode.KnownPattern when own.CountryCode == candidate.CountryCode =>
                t["Matching.Reason.KnownPatternSameCountry", DirectoryData.CountryName(own.CountryCode, culture)],
            ReasonCode.KnownPattern => t["Matching.Reason.KnownPattern",
                DirectoryData.CountryName(own.CountryCode, culture), DirectoryData.CountryName(candidate.CountryCode, culture)],
            ReasonCode.Verified => t["Matching.Reason.Verified"],
            ReasonCode.TheyLookForYou => t["Matching.Reason.TheyLookForYou"],
            ReasonCode.RecentlyActive => t["Matching.Reason.RecentlyActive"],
            _ => reason.Code.ToString(),
        };
    }

    private static string Kilometres(DirectoryEntry a, DirectoryEntry b) =>
        a is { Latitude: { } la, Longitude: { } lo } && b is { Latitude: { } lb, Longitude: { } lob }
            ? Math.Round(Geo.DistanceKm(la, lo, lb, lob)).ToString("N0", CultureInfo.CurrentCulture)
            : "?";

    /// <summary>Every theme's name in the reader's language (retired ones too: profiles keep them), cached for <see cref="ThemeNamesLifetime"/>.</summary>
    public async Task<IReadOnlyDictionary<int, string>> ThemeNamesAsync(CancellationToken cancellationToken)
    {
        var culture = CultureRouting.CurrentCulture();
        return await cache.GetOrCreateAsync($"theme-names:{culture}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = ThemeNamesLifetime;
            var themes = await db.Themes.AsNoTracking().ToListAsync(cancellationToken);
            return (IReadOnlyDictionary<int, string>)themes.ToDictionary(x => x.Id, x => x.NameIn(culture));
        }) ?? new Dictionary<int, string>();
    }
}

/// <summary>
/// The re-ranking form: when <see cref="Set"/> (the form was sent), its choices replace the profile's or
/// the request's own; otherwise the page shows those and ranks by them.
/// </summary>
public sealed class RerankFilter
{
    public bool Set { get; set; }
    public List<string> Country { get; set; } = [];
    public List<PopulationBand> Band { get; set; } = [];
    public List<int> Theme { get; set; } = [];
    public List<string> Language { get; set; } = [];
    public DistancePreference Distance { get; set; }
    public int Top { get; set; } = Suggestions.DefaultTop;

    /// <summary>The organisation asked about on the "why not higher?" page.</summary>
    public int? Candidate { get; set; }

    public MatchSubject Apply(MatchSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return !Set ? subject : subject with
        {
            WantedCountries = Country.Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length == 2).Distinct().ToList(),
            WantedBands = Band.Where(Enum.IsDefined).Distinct().ToList(),
            Themes = Theme.Distinct().ToList(),
            Languages = Language.Where(l => SupportedCultures.All.Any(c => c.Code == l)).Distinct().ToList(),
            Distance = Enum.IsDefined(Distance) ? Distance : DistancePreference.Any,
        };
    }

    /// <summary>This state as a query string ("?set=true&amp;country=FR..."), optionally asking about one candidate.</summary>
    public string ToQueryString(int? candidate = null)
    {
        var query = new Microsoft.AspNetCore.Http.Extensions.QueryBuilder { { "set", "true" } };
        query.Add("country", Country);
        query.Add("band", Band.Select(b => b.ToString()));
        query.Add("theme", Theme.Select(x => x.ToString(CultureInfo.InvariantCulture)));
        query.Add("language", Language);
        query.Add("distance", Distance.ToString());
        query.Add("top", Top.ToString(CultureInfo.InvariantCulture));
        if (candidate is { } id)
            query.Add("candidate", id.ToString(CultureInfo.InvariantCulture));
        return query.ToQueryString().Value ?? string.Empty;
    }

    /// <summary>The form's state for a subject: what the ranking used, so the boxes show it.</summary>
    public static RerankFilter From(MatchSubject subject, int top) => new()
    {
        Set = true,
        Country = subject.WantedCountries.ToList(),
        Band = subject.WantedBands.ToList(),
        Theme = subject.Themes.ToList(),
        Language = subject.Languages.ToList(),
        Distance = subject.Distance,
        Top = top,
    };
}
