using Twinning.Domain.Directory;

namespace Twinning.Domain.Requests;

/// <summary>A published request as lists and search see it, with its texts already normalized for search.</summary>
public sealed record RequestListing(
    int Id,
    int OrganisationId,
    string OrganisationName,
    string CountryCode,
    PopulationBand? Band,
    RequestPurpose Purpose,
    IReadOnlyList<RequestText> Texts,
    IReadOnlyList<string> WantedCountries,
    IReadOnlyList<PopulationBand> WantedBands,
    IReadOnlyList<int> Themes,
    IReadOnlyList<string> WorkingLanguages,
    DateOnly? Deadline,
    DateTimeOffset PublishedAt)
{
    /// <summary>Every title and description in every language, as <see cref="SearchText"/> compares them.</summary>
    public string SearchText { get; } = Directory.SearchText.Normalize(string.Join(' ', Texts.Select(t => t.Title + " " + t.Description)));
}

/// <summary>
/// A search over published requests. Filters combine (AND across filters, OR within one); countries and
/// bands are the requesting organisation's; <see cref="OpenOn"/> keeps requests whose deadline is not before it.
/// Stored as JSON in saved searches, so it stays a plain record.
/// </summary>
public sealed record RequestQuery
{
    public string? Text { get; init; }
    public IReadOnlyList<RequestPurpose> Purposes { get; init; } = [];
    public IReadOnlyList<string> Countries { get; init; } = [];
    public IReadOnlyList<PopulationBand> Bands { get; init; } = [];
    public IReadOnlyList<int> Themes { get; init; } = [];
    public IReadOnlyList<string> Languages { get; init; } = [];
    public DateOnly? OpenOn { get; init; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && Purposes.Count == 0 && Countries.Count == 0 && Bands.Count == 0
        && Themes.Count == 0 && Languages.Count == 0 && OpenOn is null;

    public bool Matches(RequestListing request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Purposes.Count > 0 && !Purposes.Contains(request.Purpose))
            return false;
        if (Countries.Count > 0 && !Countries.Contains(request.CountryCode, StringComparer.Ordinal))
            return false;
        if (Bands.Count > 0 && (request.Band is not { } band || !Bands.Contains(band)))
            return false;
        if (Themes.Count > 0 && !Themes.Any(request.Themes.Contains))
            return false;
        if (Languages.Count > 0 && !Languages.Any(l => request.WorkingLanguages.Contains(l, StringComparer.Ordinal)))
            return false;
        if (OpenOn is { } day && request.Deadline is { } deadline && deadline < day)
            return false;
        return MatchesText(request.SearchText);
    }

    /// <summary>Every word of the query appears in some title or description, in any language, ignoring case and diacritics.</summary>
    private bool MatchesText(string searchText)
    {
        var words = Directory.SearchText.Normalize(Text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.All(w => searchText.Contains(w, StringComparison.Ordinal));
    }
}

public sealed record RequestPage(IReadOnlyList<RequestListing> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public static class RequestSearch
{
    public const int PageSize = 20;

    /// <summary>Newest first; deadline-less and far-deadline requests are not favoured over fresh ones.</summary>
    public static RequestPage Search(IEnumerable<RequestListing> published, RequestQuery query, int page, int pageSize = PageSize)
    {
        ArgumentNullException.ThrowIfNull(query);
        var matches = published.Where(query.Matches).OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id).ToList();
        var pageCount = Math.Max(1, (matches.Count + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        return new RequestPage(matches.Skip((page - 1) * pageSize).Take(pageSize).ToList(), matches.Count, page, pageSize);
    }
}

/// <summary>One of a request's criteria and whether an organisation meets it.</summary>
public enum FitCriterion
{
    Country = 0,
    Band = 1,
    Themes = 2,
    Languages = 3,
}

public sealed record FitCheck(FitCriterion Criterion, bool Fits);

/// <summary>Whether an organisation fits what a request asks for. Criteria the request leaves open are not listed.</summary>
public static class RequestFit
{
    public static IReadOnlyList<FitCheck> Check(RequestListing request, DirectoryEntry organisation)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(organisation);
        var checks = new List<FitCheck>();
        if (request.WantedCountries.Count > 0)
            checks.Add(new(FitCriterion.Country, request.WantedCountries.Contains(organisation.CountryCode, StringComparer.Ordinal)));
        if (request.WantedBands.Count > 0)
            checks.Add(new(FitCriterion.Band, organisation.Band is { } band && request.WantedBands.Contains(band)));
        if (request.Themes.Count > 0)
            checks.Add(new(FitCriterion.Themes, request.Themes.Any(organisation.ThemeIds.Contains)));
        if (request.WorkingLanguages.Count > 0)
            checks.Add(new(FitCriterion.Languages, request.WorkingLanguages.Any(l => organisation.WorkingLanguages.Contains(l, StringComparer.Ordinal))));
        return checks;
    }

    public static bool Fits(RequestListing request, DirectoryEntry organisation) => Check(request, organisation).All(c => c.Fits);

    /// <summary>Whether the organisation meets the request's hard criteria, its countries and sizes (themes and languages only rank).</summary>
    public static bool Accepts(RequestListing request, DirectoryEntry organisation) =>
        Check(request, organisation).Where(c => c.Criterion is FitCriterion.Country or FitCriterion.Band).All(c => c.Fits);
}
