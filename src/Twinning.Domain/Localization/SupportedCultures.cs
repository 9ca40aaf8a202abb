namespace Twinning.Domain.Localization;

/// <summary>
/// The 24 official languages of the European Union: the one list that the interface, the routes,
/// the resource files and the tests all read.
/// </summary>
public static class SupportedCultures
{
    public const string Default = "en";

    /// <summary>Each language code with its name written in that language (the switcher shows these).</summary>
    public static IReadOnlyList<SupportedCulture> All { get; } =
    [
        new("bg", "български"),
        new("cs", "čeština"),
        new("da", "dansk"),
        new("de", "Deutsch"),
        new("el", "Ελληνικά"),
        new("en", "English"),
        new("es", "español"),
        new("et", "eesti"),
        new("fi", "suomi"),
        new("fr", "français"),
        new("ga", "Gaeilge"),
        new("hr", "hrvatski"),
        new("hu", "magyar"),
        new("it", "italiano"),
        new("lt", "lietuvių"),
        new("lv", "latviešu"),
        new("mt", "Malti"),
        new("nl", "Nederlands"),
        new("pl", "polski"),
        new("pt", "português"),
        new("ro", "română"),
        new("sk", "slovenčina"),
        new("sl", "slovenščina"),
        new("sv", "svenska"),
    ];

    public static IReadOnlyList<string> Codes { get; } = All.Select(c => c.Code).ToArray();

    private static readonly HashSet<string> CodeSet = new(Codes, StringComparer.OrdinalIgnoreCase);

    public static bool IsSupported(string? code) => code is not null && CodeSet.Contains(code);

    /// <summary>
    /// Finds the supported language for a culture name such as "de-AT" or "pt-BR"; null when none fits.
    /// </summary>
    public static string? Match(string? cultureName)
    {
        if (string.IsNullOrWhiteSpace(cultureName))
            return null;

        var trimmed = cultureName.Trim();
        var dash = trimmed.IndexOfAny(['-', '_']);
        var language = dash > 0 ? trimmed[..dash] : trimmed;
        return CodeSet.TryGetValue(language, out var actual) ? actual.ToLowerInvariant() : null;
    }
}

public sealed record SupportedCulture(string Code, string NativeName);
