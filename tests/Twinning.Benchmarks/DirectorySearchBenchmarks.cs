using BenchmarkDotNet.Attributes;
using Twinning.Domain.Directory;
using Twinning.Infrastructure.Directory;

namespace Twinning.Benchmarks;

/// <summary>
/// Directory search over the real shipped directory (66,780 places). Goal: under 100 ms of server time
/// for any query, including the typo-tolerant path that compares every name.
/// </summary>
[MemoryDiagnoser]
public class DirectorySearchBenchmarks
{
    private DirectorySearchIndex _index = null!;

    [GlobalSetup]
    public void Setup()
    {
        var id = 0;
        _index = new DirectorySearchIndex(DirectoryData.ReadTowns().Select(t => new DirectoryEntry(
            ++id, t.GeoNamesId, t.Name, SearchText.Normalize(t.Name), OrganisationKind.Municipality, t.CountryCode, t.AdminCode,
            t.Population > 0 ? t.Population : null, t.Population > 0 ? PopulationBands.Classify(t.Population) : null,
            t.Latitude, t.Longitude, t.InScope, false, [], [])));
    }

    [Benchmark(Baseline = true)]
    public int ExactName() => _index.Search(new DirectoryQuery { Text = "koln" }).Total;

    [Benchmark]
    public int NameWithTypo() => _index.Search(new DirectoryQuery { Text = "thesaloniki" }).Total;

    [Benchmark]
    public int FiltersOnly() => _index.Search(new DirectoryQuery
    {
        Countries = new HashSet<string> { "DE", "FR", "IT" },
        Bands = new HashSet<PopulationBand> { PopulationBand.VerySmall },
        Sort = DirectorySort.Name,
    }).Total;

    [Benchmark]
    public int NearestToKoln() => _index.Search(new DirectoryQuery { Sort = DirectorySort.Distance, Near = (50.93, 6.95) }).Total;
}
