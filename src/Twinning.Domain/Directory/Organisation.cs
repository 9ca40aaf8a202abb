namespace Twinning.Domain.Directory;

/// <summary>
/// A local or regional government, an association of them, a civil-society organisation or CEMR.
/// Towns are imported from GeoNames and keep their GeoNames id; the import may update their facts
/// but never what officers wrote.
/// </summary>
public class Organisation
{
    public const int NameMaxLength = 200;
    public const int AdminCodeMaxLength = 20;

    private readonly List<OrganisationDescription> _descriptions = [];
    private readonly List<OrganisationTheme> _themes = [];

    protected Organisation()
    {
    }

    public Organisation(OrganisationKind kind, string name, string countryCode, DateTimeOffset now)
    {
        Kind = kind;
        Rename(name);
        CountryCode = CountryCodes.Normalize(countryCode);
        CreatedAt = now;
        UpdatedAt = now;
        ConcurrencyStamp = Guid.NewGuid();
    }

    public int Id { get; private set; }

    public OrganisationKind Kind { get; private set; }

    public int? GeoNamesId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    /// <summary>The name as search compares it (see <see cref="SearchText"/>).</summary>
    public string SearchName { get; private set; } = string.Empty;

    public string CountryCode { get; private set; } = string.Empty;

    public string? AdminCode { get; private set; }

    public long? Population { get; private set; }

    public PopulationBand? Band { get; private set; }

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    /// <summary>In one of the platform's European countries, so offered as a candidate partner; others only appear as partners.</summary>
    public bool InScope { get; private set; } = true;

    public bool IsVerified { get; private set; }

    /// <summary>Working languages as ISO 639-1 codes, comma-separated in storage.</summary>
    public IReadOnlyList<string> WorkingLanguages { get; private set; } = [];

    public IReadOnlyCollection<OrganisationDescription> Descriptions => _descriptions;

    public IReadOnlyCollection<OrganisationTheme> Themes => _themes;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Changes on every edit; two officers editing at once cannot overwrite each other silently.</summary>
    public Guid ConcurrencyStamp { get; private set; }

    /// <summary>Counts edits; app instances notice each other's changes by watching the directory's sum of revisions.</summary>
    public long Revision { get; private set; }

    /// <summary>Set by a moderator: the profile's own texts are hidden from the public until restored.</summary>
    public string? TextHiddenReason { get; private set; }

    public bool IsTextHidden => TextHiddenReason is not null;

    public static Organisation FromGeoNames(int geoNamesId, string name, string countryCode, string? adminCode,
        long population, double? latitude, double? longitude, bool inScope, DateTimeOffset now)
    {
        var town = new Organisation(OrganisationKind.Municipality, name, countryCode, now) { GeoNamesId = geoNamesId };
        town.SetGeography(adminCode, population, latitude, longitude, inScope);
        return town;
    }

    public void SetGeography(string? adminCode, long population, double? latitude, double? longitude, bool inScope)
    {
        AdminCode = string.IsNullOrWhiteSpace(adminCode) ? null : adminCode.Trim();
        Population = population > 0 ? population : null;
        Band = population > 0 ? PopulationBands.Classify(population) : null;
        Latitude = latitude;
        Longitude = longitude;
        InScope = inScope;
    }

    public void Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var trimmed = name.Trim();
        if (trimmed.Length > NameMaxLength)
            throw new ArgumentException($"A name has at most {NameMaxLength} characters.", nameof(name));
        Name = trimmed;
        SearchName = SearchText.Normalize(trimmed);
    }

    public void MarkVerified(DateTimeOffset now)
    {
        IsVerified = true;
        Touch(now);
    }

    /// <summary>Replaces the profile's texts, themes and working languages in one edit.</summary>
    public void EditProfile(IReadOnlyDictionary<string, string> descriptions, IEnumerable<int> themeIds, IEnumerable<string> workingLanguages, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(descriptions);
        _descriptions.RemoveAll(d => !descriptions.ContainsKey(d.Language));
        foreach (var (language, text) in descriptions)
        {
            var existing = _descriptions.FirstOrDefault(d => d.Language == language);
            if (existing is null)
                _descriptions.Add(new OrganisationDescription(language, text));
            else
                existing.Rewrite(text);
        }

        var wanted = themeIds.Distinct().ToHashSet();
        _themes.RemoveAll(t => !wanted.Contains(t.ThemeId));
        foreach (var id in wanted.Where(id => _themes.All(t => t.ThemeId != id)))
            _themes.Add(new OrganisationTheme(id));

        WorkingLanguages = workingLanguages.Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length > 0).Distinct().Order(StringComparer.Ordinal).ToArray();
        Touch(now);
    }

    public void HideText(string reason, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        TextHiddenReason = reason.Trim();
        Touch(now);
    }

    public void RestoreText(DateTimeOffset now)
    {
        TextHiddenReason = null;
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        Revision++;
        UpdatedAt = now;
        ConcurrencyStamp = Guid.NewGuid();
    }
}

/// <summary>A profile text in one language.</summary>
public class OrganisationDescription
{
    public const int TextMaxLength = 4000;

    protected OrganisationDescription()
    {
    }

    public OrganisationDescription(string language, string text)
    {
        Language = language;
        Rewrite(text);
    }

    public int Id { get; private set; }

    public int OrganisationId { get; private set; }

    public string Language { get; private set; } = string.Empty;

    public string Text { get; private set; } = string.Empty;

    public void Rewrite(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        Text = text.Trim();
    }
}

public class OrganisationTheme
{
    protected OrganisationTheme()
    {
    }

    public OrganisationTheme(int themeId) => ThemeId = themeId;

    public int OrganisationId { get; private set; }

    public int ThemeId { get; private set; }
}

public static class CountryCodes
{
    public static string Normalize(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        var trimmed = code.Trim().ToUpperInvariant();
        if (trimmed.Length != 2 || !trimmed.All(char.IsAsciiLetterUpper))
            throw new ArgumentException("A country is an ISO 3166-1 alpha-2 code.", nameof(code));
        return trimmed;
    }
}
