using BenchmarkDotNet.Running;

namespace Twinning.Benchmarks;

/// <summary>
/// Run with <c>dotnet run -c Release --project tests/Twinning.Benchmarks -- --filter '*'</c>.
/// Figures go to docs/performance.md as ratios measured in one run.
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
