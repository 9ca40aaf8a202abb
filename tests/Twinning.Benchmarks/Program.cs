using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using Twinning.Domain.Directory;
using Twinning.Domain.Matching;
using Twinning.Infrastructure.Directory;

namespace Twinning.Benchmarks;

/// <summary>
/// Run with <c>dotnet run -c Release --project tests/Twinning.Benchmarks -- --filter '*'</c>.
/// Figures go to docs/performance.md as ratios measured in one run.
/// <c>-- evaluate-matching</c> prints the recall of suggestions on held-out real twinnings (docs/matching.md).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["evaluate-matching", ..])
        {
            EvaluateMatching();
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }

    private static void EvaluateMatching()
    {
        var clock = Stopwatch.StartNew();
        // Ids are GeoNames ids here: the known links name towns by them.
        var towns = DirectoryData.ReadTowns().Select(t => new DirectoryEntry(
            t.GeoNamesId, t.GeoNamesId, t.Name, SearchText.Normalize(t.Name), OrganisationKind.Municipality, t.CountryCode, t.AdminCode,
            t.Population > 0 ? t.Population : null, t.Population > 0 ? PopulationBands.Classify(t.Population) : null,
            t.Latitude, t.Longitude, t.InScope, false, [], [])).ToList();
        var links = DirectoryData.ReadKnownLinks().ToList();
        var report = MatchEvaluation.Run(towns, links, new MatchWeights());
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"held-out towns: {report.HeldOutTowns}, hidden links: {report.HiddenLinks}, candidates: {report.Candidates}"));
        Console.WriteLine("| method | recall@10 | recall@50 | recall@100 |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var row in report.Rows)
            Console.WriteLine(string.Create(c, $"| {row.Method} | {row.At10:0.000} | {row.At50:0.000} | {row.At100:0.000} |"));
        Console.WriteLine(string.Create(c, $"({clock.Elapsed.TotalSeconds:0.0} s)"));
    }
}
