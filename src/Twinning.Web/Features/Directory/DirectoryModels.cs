using Twinning.Domain.Directory;

namespace Twinning.Web.Features.Directory;

/// <summary>The directory's filters, bound from the query string so every search has a shareable address.</summary>
public sealed class DirectoryFilter
{
    public string? Q { get; set; }
    public List<string> Country { get; set; } = [];
    public List<PopulationBand> Band { get; set; } = [];
    public List<OrganisationKind> Kind { get; set; } = [];
    public List<int> Theme { get; set; } = [];
    public List<string> Language { get; set; } = [];
    public bool Verified { get; set; }
    public DirectorySort Sort { get; set; }

    /// <summary>An organisation id: sort by distance from it.</summary>
    public int? Near { get; set; }

    public int Page { get; set; } = 1;

    public const int PageSize = 20;

    public Dictionary<string, string> RouteValues(int page)
    {
        // Only scalar values here; the view adds the lists to the pager links itself.
        var values = new Dictionary<string, string> { ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (!string.IsNullOrWhiteSpace(Q))
            values["q"] = Q;
        if (Verified)
            values["verified"] = "true";
        if (Sort != DirectorySort.Relevance)
            values["sort"] = Sort.ToString();
        if (Near is { } near)
            values["near"] = near.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return values;
    }
}

public sealed record ThemeOption(int Id, string Name);

public sealed record CountryOption(string Code, string Name);

public sealed record DirectoryViewModel(
    DirectoryFilter Filter,
    DirectoryPage Results,
    IReadOnlyList<CountryOption> Countries,
    IReadOnlyList<ThemeOption> Themes,
    DirectoryEntry? NearTo,
    string QueryString);

public sealed record PartnerView(DirectoryEntry Entry, LinkType Type, LinkStatus Status);

public sealed record DescriptionView(string Language, string Text, bool InReadersLanguage);

public sealed record ProfileViewModel(
    DirectoryEntry Entry,
    string CountryName,
    IReadOnlyList<DescriptionView> Descriptions,
    IReadOnlyList<string> Themes,
    IReadOnlyList<PartnerView> Partners,
    (double X, double Y)? MapPoint,
    double MapWidth,
    double MapHeight,
    bool MayEdit,
    bool IsOfficer = false)
{
    /// <summary>Set when a moderator hid the profile's texts.</summary>
    public string? TextHiddenReason { get; init; }

    public IReadOnlyList<OpenRequestView> OpenRequests { get; init; } = [];

    public bool IsAdmin { get; init; }

    public bool IsSignedIn { get; init; }

    /// <summary>The best few suggested partners, from the matching index.</summary>
    public IReadOnlyList<Matching.SuggestionView> Suggestions { get; init; } = [];
}

public sealed record OpenRequestView(int Id, string Title, string Language);
