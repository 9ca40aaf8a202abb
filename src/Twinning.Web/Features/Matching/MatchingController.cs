using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Twinning.Domain.Directory;
using Twinning.Domain.Matching;
using Twinning.Infrastructure.Data;
using Twinning.Web.Features.Directory;
using Twinning.Web.Features.Verification;
using Twinning.Web.Localization;
using Twinning.Web.Resources;
using Twinning.Web.Security;

namespace Twinning.Web.Features.Matching;

/// <summary>
/// Ranked, explained partner suggestions: for an organisation from its profile (public: the data is the
/// directory's), and for a request from its criteria (its organisation's officers and admins only), each
/// with filters that re-rank and a "why not higher?" view for any chosen candidate.
/// </summary>
public sealed class MatchingController(Suggestions suggestions, TwinningDbContext db, Remit remit, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet]
    [AllowAnonymous]
    public async Task<IActionResult> Suggestions(int id, RerankFilter filter, CancellationToken cancellationToken)
    {
        if (suggestions.ForOrganisation(id, filter) is not { } context)
            return NotFound();
        var isOfficer = await remit.IsOfficerAsync(User, id, cancellationToken);
        var title = isOfficer ? t["Matching.Suggestions.TitleOfficer"] : t["Matching.Suggestions.Title", context.Organisation.Name];
        return View(nameof(Suggestions), await ListAsync(context, filter, title, nameof(Suggestions), nameof(Why), id, isOfficer, cancellationToken));
    }

    [HttpGet]
    [Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> Candidates(int id, RerankFilter filter, CancellationToken cancellationToken)
    {
        if (await RequestContextAsync(id, filter, cancellationToken) is not { } context)
            return NotFound();
        var title = t["Matching.Candidates.Title"];
        return View(nameof(Suggestions), await ListAsync(context, filter, title, nameof(Candidates), nameof(CandidateWhy), id, isOfficer: true, cancellationToken));
    }

    /// <summary>"Why not higher?" for an organisation's suggestions: where a chosen candidate ranks, signal by signal against the first.</summary>
    [HttpGet]
    [AllowAnonymous]
    public async Task<IActionResult> Why(int id, RerankFilter filter, string? name, CancellationToken cancellationToken)
    {
        if (suggestions.ForOrganisation(id, filter) is not { } context)
            return NotFound();
        return View(nameof(Why), await WhyAsync(context, filter, name, nameof(Suggestions), nameof(Why), id, cancellationToken));
    }

    [HttpGet]
    [Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> CandidateWhy(int id, RerankFilter filter, string? name, CancellationToken cancellationToken)
    {
        if (await RequestContextAsync(id, filter, cancellationToken) is not { } context)
            return NotFound();
        return View(nameof(Why), await WhyAsync(context, filter, name, nameof(Candidates), nameof(CandidateWhy), id, cancellationToken));
    }

    /// <summary>A request's ranking context when the person acts for its organisation (or is an admin); otherwise null, shown as 404.</summary>
    private async Task<MatchingContext?> RequestContextAsync(int requestId, RerankFilter filter, CancellationToken cancellationToken)
    {
        var request = await db.Requests.AsNoTracking().Include(r => r.Texts).SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
            return null;
        if (!Remit.IsAdmin(User) && !await remit.IsOfficerAsync(User, request.OrganisationId, cancellationToken))
            return null;
        return suggestions.ForRequest(request, filter);
    }

    private async Task<SuggestionsModel> ListAsync(MatchingContext context, RerankFilter filter, string title, string action, string whyAction, int routeId,
        bool isOfficer, CancellationToken cancellationToken)
    {
        var top = Math.Clamp(filter.Top, 1, Matching.Suggestions.MaxTop);
        var items = await suggestions.RankAsync(context, top, cancellationToken);
        var themes = await suggestions.ThemeNamesAsync(cancellationToken);
        return new SuggestionsModel(context, title, RerankFilter.From(context.Subject, top), items, Options(themes), action, whyAction, routeId, isOfficer,
            context.Request?.TextFor(CultureRouting.CurrentCulture()).Title);
    }

    private async Task<WhyModel> WhyAsync(MatchingContext context, RerankFilter filter, string? name, string listAction, string whyAction, int routeId,
        CancellationToken cancellationToken)
    {
        var directory = suggestions.Snapshot.Directory;
        var current = RerankFilter.From(context.Subject, Math.Clamp(filter.Top, 1, Matching.Suggestions.MaxTop));
        IReadOnlyList<DirectoryEntry> choices = [];
        var candidate = filter.Candidate is { } id ? directory.Find(id) : null;
        if (candidate is null && !string.IsNullOrWhiteSpace(name))
        {
            var hits = directory.Search(new DirectoryQuery { Text = name, PageSize = 10, IncludeOutOfScope = true }).Hits.Select(h => h.Entry).ToList();
            // One clear answer is taken; several are offered to choose from.
            var exact = hits.Where(h => string.Equals(h.SearchName, SearchText.Normalize(name), StringComparison.Ordinal)).ToList();
            if (exact.Count == 1 || hits.Count == 1)
                candidate = exact.Count == 1 ? exact[0] : hits[0];
            else
                choices = hits;
        }

        var model = new WhyModel(context, current, listAction, whyAction, routeId, name, candidate, choices);
        if (candidate is null)
            return model;

        var matcher = suggestions.Snapshot.Matcher;
        var position = matcher.Position(context.Subject, candidate.Id);
        if (position is null)
            return model with { Exclusion = Exclusion(context, candidate) };

        var ranked = await suggestions.RankAsync(context, 1, cancellationToken);
        var first = ranked.Count > 0 ? ranked[0] : null;
        var firstMatch = first is null ? null : matcher.Explain(context.Subject, first.Entry.Id);
        var rows = Enum.GetValues<ReasonCode>()
            .Select(code => new SignalRow(code, t[$"Matching.Signal.{code}"], position.Match.Points(code), firstMatch?.Points(code) ?? 0))
            .Where(r => r.Candidate > 0 || r.First > 0)
            .OrderByDescending(r => r.First - r.Candidate)
            .ToList();
        return model with
        {
            Position = position,
            Explained = await suggestions.ExplainAsync(context, position, cancellationToken),
            First = first,
            Signals = rows,
        };
    }

    private string Exclusion(MatchingContext context, DirectoryEntry candidate)
    {
        var subject = context.Subject;
        if (candidate.Id == context.Organisation.Id)
            return t["Matching.Why.Self"];
        if (subject.Exclude.Contains(candidate.Id))
            return t["Matching.Why.Partner", candidate.Name];
        if (!suggestions.Snapshot.Matcher.Contains(candidate.Id))
            return t["Matching.Why.OutOfScope", candidate.Name];
        if (subject.WantedCountries.Count > 0 && !subject.WantedCountries.Contains(candidate.CountryCode))
            return t["Matching.Why.FilteredCountry", candidate.Name];
        return t["Matching.Why.FilteredBand", candidate.Name];
    }

    private static FilterOptions Options(IReadOnlyDictionary<int, string> themes)
    {
        var comparer = StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true);
        return new FilterOptions(DirectoryController.PlatformCountryOptions(),
            themes.Select(x => new ThemeOption(x.Key, x.Value)).OrderBy(x => x.Name, comparer).ToList());
    }
}

public sealed record FilterOptions(IReadOnlyList<CountryOption> Countries, IReadOnlyList<ThemeOption> Themes);

public sealed record SuggestionsModel(
    MatchingContext Context,
    string Title,
    RerankFilter Filter,
    IReadOnlyList<SuggestionView> Items,
    FilterOptions Options,
    string Action,
    string WhyAction,
    int RouteId,
    bool IsOfficer,
    string? RequestTitle);

/// <summary>One signal on the "why not higher?" page: the candidate's points against the first suggestion's.</summary>
public sealed record SignalRow(ReasonCode Code, string Name, double Candidate, double First);

public sealed record WhyModel(
    MatchingContext Context,
    RerankFilter Filter,
    string ListAction,
    string WhyAction,
    int RouteId,
    string? Name,
    DirectoryEntry? Candidate,
    IReadOnlyList<DirectoryEntry> Choices)
{
    public string? Exclusion { get; init; }
    public MatchPosition? Position { get; init; }
    public SuggestionView? Explained { get; init; }
    public SuggestionView? First { get; init; }
    public IReadOnlyList<SignalRow> Signals { get; init; } = [];
}
