using System.Globalization;
using BenchmarkDotNet.Attributes;
using Twinning.Domain.Directory;
using Twinning.Domain.Matching;
using Twinning.Infrastructure.Directory;

namespace Twinning.Benchmarks;

/// <summary>
/// Scoring every organisation of the shipped directory for one town and keeping the best 50, with the prior
/// learned from the known links: the in-memory <see cref="Matcher"/> on one thread (the baseline), and the
/// same score as one SQL query on PostgreSQL (<see cref="SqlMatcher"/>). Goals (issue 5): ≤ 1 ms median in
/// memory, ≥ 30× faster than the SQL. The SQL benchmarks need <c>TWINNING_BENCH_POSTGRES</c>:
/// <c>tests/Twinning.Benchmarks/run-matching.sh</c> sets it to a throwaway server it starts.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class MatchingBenchmarks
{
    public const string PostgresVariable = "TWINNING_BENCH_POSTGRES";
    private const int Top = 50;

    private Matcher _matcher = null!;
    private SqlMatcher? _sql;
    private List<DirectoryEntry> _towns = null!;
    private LinkPrior _prior = null!;
    private MatchSubject _smallTown = null!;
    private MatchSubject _withThemes = null!;

    [GlobalSetup(Targets = [nameof(Top50ProfileOnly), nameof(Top50WithThemesAndFilters)])]
    public void Setup()
    {
        var random = new Random(5);
        // Ids are GeoNames ids here: the known links name towns by them.
        _towns = DirectoryData.ReadTowns().Select(t => new DirectoryEntry(
            t.GeoNamesId, t.GeoNamesId, t.Name, SearchText.Normalize(t.Name), OrganisationKind.Municipality, t.CountryCode, t.AdminCode,
            t.Population > 0 ? t.Population : null, t.Population > 0 ? PopulationBands.Classify(t.Population) : null,
            t.Latitude, t.Longitude, t.InScope, false, [random.Next(1, 21), random.Next(1, 21)], [])).ToList();
        _prior = LinkPrior.Learn(_towns, DirectoryData.ReadKnownLinks());
        _matcher = new Matcher(_towns, _prior, new MatchWeights());
        // Kalamata (GR, ~60,000).
        _smallTown = new MatchSubject { OrganisationId = 261604, CountryCode = "GR", Population = 57_620, Latitude = 37.04, Longitude = 22.11 };
        _withThemes = _smallTown with { Themes = [3, 7, 12], Languages = ["el", "en"], Distance = DistancePreference.Far, WantedBands = [PopulationBand.VerySmall, PopulationBand.Small] };
    }

    /// <summary>Loads the same candidates into PostgreSQL and checks that the SQL ranks as the Matcher does.</summary>
    [GlobalSetup(Targets = [nameof(Top50ProfileOnlySql), nameof(Top50WithThemesAndFiltersSql)])]
    public void SetupSql()
    {
        var connectionString = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"The SQL matching benchmarks need a PostgreSQL server: set {PostgresVariable} to a connection string, or run " +
                "tests/Twinning.Benchmarks/run-matching.sh, which starts a throwaway server and sets it.");
        }
        Setup();
        _sql = new SqlMatcher(connectionString, _towns, _prior, new MatchWeights());
        if (_sql.Count != _matcher.Count)
            throw new InvalidOperationException($"PostgreSQL holds {_sql.Count} candidates, the Matcher {_matcher.Count}.");
        foreach (var (name, subject) in new[] { ("profile only", _smallTown), ("themes and filters", _withThemes) })
        {
            AssertSameRanking(name, subject);
            Console.WriteLine($"// SQL and Matcher agree on the top {Top} ({name}).");
            Console.WriteLine($"// SQL plan ({name}):");
            Console.Write(_sql.Explain(subject, Top));
        }
    }

    [GlobalCleanup(Targets = [nameof(Top50ProfileOnlySql), nameof(Top50WithThemesAndFiltersSql)])]
    public void CleanupSql() => _sql?.Dispose();

    [Benchmark(Baseline = true)]
    public int Top50ProfileOnly() => _matcher.Rank(_smallTown, Top).Count;

    [Benchmark]
    public int Top50WithThemesAndFilters() => _matcher.Rank(_withThemes, Top).Count;

    [Benchmark]
    public int Top50ProfileOnlySql() => _sql!.Rank(_smallTown, Top).Count;

    [Benchmark]
    public int Top50WithThemesAndFiltersSql() => _sql!.Rank(_withThemes, Top).Count;

    /// <summary>
    /// Throws unless the SQL's top 50 is the Matcher's: same scores position by position (the Matcher rounds
    /// its scores to 4 decimals), and the same ids wherever the scores are not tied. Among candidates tied to
    /// 1e-9, which ones make the cut at the 50th place may differ (the Matcher's heap keeps the first seen,
    /// the SQL the lowest id), and their order may too.
    /// </summary>
    private void AssertSameRanking(string name, MatchSubject subject)
    {
        const double tie = 1e-9;
        var expected = _matcher.Rank(subject, Top);
        // One more than the top, to see whether the last places are tied with a candidate outside.
        var actual = _sql!.Rank(subject, Top + 1);
        string Describe() => string.Join(Environment.NewLine, Enumerable.Range(0, Top).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"  {i + 1,2}. Matcher {(i < expected.Count ? $"{expected[i].OrganisationId,9} {expected[i].Score,8:0.0000}" : "-"),-18}  SQL {(i < actual.Count ? $"{actual[i].Id,9} {actual[i].Score,12:0.000000000}" : "-")}")));
        void Fail(string why) => throw new InvalidOperationException(
            $"SQL and Matcher rank differently ({name}): {why}. The benchmark would compare different work.{Environment.NewLine}{Describe()}");

        if (expected.Count != Top || actual.Count < Top)
            Fail($"expected {Top} results from each, got {expected.Count} from the Matcher and {Math.Min(actual.Count, Top)} from SQL");
        for (var i = 0; i < Top; i++)
        {
            if (Math.Abs(actual[i].Score - expected[i].Score) > 0.00005 + tie)
                Fail(string.Create(CultureInfo.InvariantCulture, $"at {i + 1}, score {actual[i].Score:0.000000000} from SQL, {expected[i].Score:0.0000} from the Matcher"));
        }
        // Runs of tied scores (SQL's unrounded ones): the same ids inside the top, whatever their order; a run
        // that crosses the 50th place only needs the same scores, checked above.
        for (var start = 0; start < Top;)
        {
            var end = start + 1;
            while (end < actual.Count && Math.Abs(actual[end].Score - actual[start].Score) <= tie)
                end++;
            if (end <= Top)
            {
                var sqlIds = actual.Skip(start).Take(end - start).Select(a => a.Id).ToHashSet();
                var matcherIds = expected.Skip(start).Take(end - start).Select(e => e.OrganisationId);
                if (!sqlIds.SetEquals(matcherIds))
                    Fail($"different candidates at places {start + 1}–{end}");
            }
            start = end;
        }
    }
}
