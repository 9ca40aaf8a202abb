using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using CsvHelper;

namespace Twinning.Infrastructure.Directory;

/// <summary>
/// The data shipped inside this assembly (built by tools/data from npm packages, see Data/ATTRIBUTION.md):
/// European towns from GeoNames, the register of known twinning links, country names and themes in 24
/// languages, and the outline map of Europe.
/// </summary>
public static class DirectoryData
{
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> CountryNames = new(LoadCountries);

    public static IEnumerable<TownRecord> ReadTowns()
    {
        using var stream = new GZipStream(Open("towns.tsv.gz"), CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        reader.ReadLine(); // header
        while (reader.ReadLine() is { } line)
        {
            var f = line.Split('\t');
            yield return new TownRecord(
                int.Parse(f[0], CultureInfo.InvariantCulture),
                f[1],
                f[2],
                f[3].Length == 0 ? null : f[3],
                long.Parse(f[4], CultureInfo.InvariantCulture),
                f[5].Length == 0 ? null : double.Parse(f[5], CultureInfo.InvariantCulture),
                f[6].Length == 0 ? null : double.Parse(f[6], CultureInfo.InvariantCulture),
                f[7] == "1");
        }
    }

    /// <summary>Pairs of GeoNames ids from known-links.csv.</summary>
    public static IEnumerable<(int A, int B)> ReadKnownLinks()
    {
        using var reader = new StreamReader(Open("known-links.csv"));
        using var csv = CsvReader.Create(reader, new CsvReaderOptions { HasHeader = true }, false);
        while (csv.Read())
            yield return (csv.Parse<int>("geonames_id_a"), csv.Parse<int>("geonames_id_b"));
    }

    public static IReadOnlyList<ThemeSeed> ReadThemes()
    {
        using var stream = Open("themes.json");
        return JsonSerializer.Deserialize<List<ThemeSeed>>(stream, JsonOptions) ?? [];
    }

    /// <summary>The country's name in the language (24 EU languages), else its code.</summary>
    public static string CountryName(string countryCode, string language) =>
        CountryNames.Value.TryGetValue(countryCode, out var names) && names.TryGetValue(language, out var name) ? name : countryCode;

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Countries => CountryNames.Value;

    public static Stream OpenMap() => Open("europe-map.json");

    private static Dictionary<string, IReadOnlyDictionary<string, string>> LoadCountries()
    {
        using var stream = Open("countries.json");
        var raw = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream) ?? [];
        return raw.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, string>)p.Value, StringComparer.Ordinal);
    }

    private static Stream Open(string name) =>
        typeof(DirectoryData).Assembly.GetManifestResourceStream($"Twinning.Infrastructure.Directory.Data.{name}")
        ?? throw new InvalidOperationException($"The embedded data file {name} is missing.");


    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };
}

public sealed record TownRecord(int GeoNamesId, string Name, string CountryCode, string? AdminCode, long Population, double? Latitude, double? Longitude, bool InScope);

public sealed record ThemeSeed(string Key, Dictionary<string, string> Names);
