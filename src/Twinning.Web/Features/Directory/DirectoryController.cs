using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Twinning.Domain.Directory;
using Twinning.Domain.Localization;
using Twinning.Domain.Requests;
using Twinning.Infrastructure.Data;
using Twinning.Infrastructure.Directory;
using Twinning.Web.Features.Verification;
using Twinning.Web.Localization;

namespace Twinning.Web.Features.Directory;

/// <summary>The public directory of Europe's local governments and their profiles.</summary>
[AllowAnonymous]
public sealed class DirectoryController(DirectoryIndex index, TwinningDbContext db, EuropeMap map, Remit remit, Matching.Suggestions suggestions) : Controller
{
    /// <summary>The countries whose places are offered as candidates (the others appear as partners only).</summary>
    public static readonly string[] PlatformCountries =
    [
        "AD", "AL", "AM", "AT", "AX", "AZ", "BA", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FO", "FR", "GB",
        "GE", "GR", "HR", "HU", "IE", "IL", "IS", "IT", "LI", "LT", "LU", "LV", "MC", "MD", "ME", "MK", "MT", "NL", "NO", "PL",
        "PT", "RO", "RS", "SE", "SI", "SK", "SM", "TR", "UA", "XK",
    ];

    [HttpGet]
    public async Task<IActionResult> Index(DirectoryFilter filter, CancellationToken cancellationToken)
    {
        var culture = CultureRouting.CurrentCulture();
        var directory = index.Current;
        var near = filter.Near is { } nearId ? directory.Find(nearId) : null;
        var sort = filter.Sort == DirectorySort.Distance && near?.Latitude is null ? DirectorySort.Relevance : filter.Sort;

        var results = directory.Search(new DirectoryQuery
        {
            Text = filter.Q,
            Countries = filter.Country.Select(c => c.ToUpperInvariant()).ToHashSet(),
            Bands = filter.Band.ToHashSet(),
            Kinds = filter.Kind.ToHashSet(),
            Themes = filter.Theme.ToHashSet(),
            Languages = filter.Language.ToHashSet(),
            VerifiedOnly = filter.Verified,
            Sort = sort,
            Near = near is { Latitude: { } lat, Longitude: { } lon } ? (lat, lon) : null,
            Page = filter.Page,
            PageSize = DirectoryFilter.PageSize,
        });

        return View(new DirectoryViewModel(filter, results, PlatformCountryOptions(), await ThemesAsync(culture, cancellationToken), near, Request.QueryString.Value ?? string.Empty));
    }

    private const int ProfileSuggestions = 5;

    [HttpGet]
    public async Task<IActionResult> Profile(int id, CancellationToken cancellationToken)
    {
        var directory = index.Current;
        if (directory.Find(id) is not { } entry)
            return NotFound();

        var culture = CultureRouting.CurrentCulture();
        var mayEdit = await remit.MayEditAsync(User, id, cancellationToken);
        var hiddenReason = await db.Organisations.Where(o => o.Id == id).Select(o => o.TextHiddenReason).SingleAsync(cancellationToken);
        // Texts hidden by a moderator stay visible to the organisation's officers and admins, with the reason.
        var descriptions = hiddenReason is not null && !mayEdit ? [] : await db.Organisations.AsNoTracking()
            .Where(o => o.Id == id)
            .SelectMany(o => o.Descriptions)
            .Select(d => new { d.Language, d.Text })
            .ToListAsync(cancellationToken);
        // The reader's language when written, otherwise every version with its language named.
        var shown = descriptions.Any(d => d.Language == culture)
            ? descriptions.Where(d => d.Language == culture).Select(d => new DescriptionView(d.Language, d.Text, true)).ToList()
            : descriptions.Select(d => new DescriptionView(d.Language, d.Text, false)).ToList();

        var links = await db.TwinningLinks.AsNoTracking()
            .Where(l => l.OrganisationAId == id || l.OrganisationBId == id)
            .Select(l => new { l.OrganisationAId, l.OrganisationBId, l.Type, l.Status })
            .ToListAsync(cancellationToken);
        var partners = links
            .Select(l => (Entry: directory.Find(l.OrganisationAId == id ? l.OrganisationBId : l.OrganisationAId), l.Type, l.Status))
            .Where(p => p.Entry is not null)
            .Select(p => new PartnerView(p.Entry!, p.Type, p.Status))
            .OrderBy(p => p.Entry.Name, StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true))
            .ToList();

        var themeIds = entry.ThemeIds.ToHashSet();
        // Retired themes stay on the profiles that chose them; they are only no longer offered.
        var themes = (await ThemesAsync(culture, cancellationToken, includeRetired: true)).Where(t => themeIds.Contains(t.Id)).Select(t => t.Name).ToList();

        var openRequests = (await db.Requests.AsNoTracking().Include(r => r.Texts)
                .Where(r => r.OrganisationId == id && r.Status == RequestStatus.Published && r.HiddenReason == null)
                .OrderByDescending(r => r.Id).ToListAsync(cancellationToken))
            .Select(r => r.TextFor(culture)).Select(x => new OpenRequestView(x.RequestId, x.Title, x.Language)).ToList();

        var isOfficer = await remit.IsOfficerAsync(User, id, cancellationToken);
        var suggested = suggestions.ForOrganisation(id) is { } context ? await suggestions.RankAsync(context, ProfileSuggestions, cancellationToken) : [];
        return View(new ProfileViewModel(entry, DirectoryData.CountryName(entry.CountryCode, culture), shown, themes, partners,
            map.Project(entry.Latitude, entry.Longitude), map.Width, map.Height, mayEdit, isOfficer)
        {
            TextHiddenReason = hiddenReason,
            OpenRequests = openRequests,
            IsAdmin = Remit.IsAdmin(User),
            IsSignedIn = User.Identity?.IsAuthenticated == true,
            Suggestions = suggested,
        });
    }

    /// <summary>The outline map of Europe that profile pages place their town on; the same for everyone, cached a day.</summary>
    [HttpGet("/map/europe.svg")]
    [ResponseCache(Duration = 86400, Location = ResponseCacheLocation.Any)]
    public IActionResult Map() => Content(map.Svg, "image/svg+xml");

    private async Task<List<ThemeOption>> ThemesAsync(string culture, CancellationToken cancellationToken, bool includeRetired = false)
    {
        var themes = await db.Themes.AsNoTracking().Where(t => includeRetired || !t.IsRetired).ToListAsync(cancellationToken);
        return themes
            .Select(t => new ThemeOption(t.Id, t.NameIn(culture)))
            .OrderBy(t => t.Name, StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true))
            .ToList();
    }

    /// <summary>The platform's countries named in the reader's language, in that language's alphabetical order.</summary>
    public static List<CountryOption> PlatformCountryOptions()
    {
        var culture = CultureRouting.CurrentCulture();
        return PlatformCountries
            .Select(code => new CountryOption(code, DirectoryData.CountryName(code, culture)))
            .OrderBy(c => c.Name, StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true))
            .ToList();
    }

    /// <summary>Languages an organisation can work in: the 24 EU languages, each named in itself.</summary>
    public static IReadOnlyList<SupportedCulture> WorkingLanguageOptions => SupportedCultures.All;
}
