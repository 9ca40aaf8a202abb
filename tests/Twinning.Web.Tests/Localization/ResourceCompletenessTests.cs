using System.Text.RegularExpressions;
using System.Xml.Linq;
using Twinning.Domain.Localization;

namespace Twinning.Web.Tests.Localization;

/// <summary>Every culture has every key, each value is translated, and placeholders survive translation.</summary>
public sealed partial class ResourceCompletenessTests
{
    public static readonly string[] Resources = ["SharedResource", "ValidationResource", "EmailResource"];

    /// <summary>
    /// Values that are rightly the same as English: the brand, and words that the language borrows
    /// unchanged. Each entry is "culture:key".
    /// </summary>
    private static readonly HashSet<string> SameAsEnglishAllowed = new(StringComparer.Ordinal)
    {
        "*:Site.Name",
        "es:Common.No",
        "it:Common.No",
    };

    public static TheoryData<string, string> Pairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var resource in Resources)
        {
            foreach (var culture in SupportedCultures.Codes.Where(c => c != SupportedCultures.Default))
                data.Add(resource, culture);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Each_culture_translates_every_key(string resource, string culture)
    {
        var english = Load(Path.Combine(ResourceFolder, $"{resource}.resx"));
        var path = Path.Combine(ResourceFolder, $"{resource}.{culture}.resx");
        Assert.True(File.Exists(path), $"{resource}.{culture}.resx is missing.");
        var translated = Load(path);

        var problems = new List<string>();
        foreach (var (key, value) in english)
        {
            if (!translated.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text))
                problems.Add($"missing {key}");
            else if (text == value && !SameAsEnglishAllowed.Contains($"*:{key}") && !SameAsEnglishAllowed.Contains($"{culture}:{key}"))
                problems.Add($"left in English {key}: {text}");
            else if (!Placeholders(value).SequenceEqual(Placeholders(text)))
                problems.Add($"placeholders differ in {key}");
        }
        problems.AddRange(translated.Keys.Except(english.Keys).Select(k => $"unknown key {k}"));

        Assert.True(problems.Count == 0, $"{resource}.{culture}: " + string.Join("; ", problems));
    }

    [Fact]
    public void Every_key_the_code_asks_for_exists_in_english()
    {
        var shared = Load(Path.Combine(ResourceFolder, "SharedResource.resx"));
        var sources = Directory.EnumerateFiles(Path.Combine(ResourceFolder, "..", "Features"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal));
        var missing = sources
            .SelectMany(f => SharedKeyUse().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(k => !shared.ContainsKey(k))
            .Distinct()
            .ToList();

        Assert.True(missing.Count == 0, "Keys used but not in SharedResource.resx: " + string.Join(", ", missing));
    }

    private static string ResourceFolder => Path.Combine(RepositoryRoot(), "src", "Twinning.Web", "Resources");

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Twinning.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Twinning.sln not found above the test folder.");
    }

    private static Dictionary<string, string> Load(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal);

    private static IEnumerable<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal);

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"\b[Tt]\[""([A-Za-z0-9_.]+)""")]
    private static partial Regex SharedKeyUse();
}
