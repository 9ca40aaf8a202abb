using Twinning.Infrastructure.Directory;

namespace Twinning.Web.Hosting;

/// <summary>
/// Maintenance commands run by the same binary: <c>dotnet run --project src/Twinning.Web -- import towns</c>
/// (towns and known links), <c>import themes</c>, or <c>import all</c>. Idempotent; progress on the console.
/// </summary>
internal static class CommandLineExtensions
{
    public static async Task<bool> RunTwinningCommandAsync(this WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != "import")
            return false;

        var what = args.Length > 1 ? args[1] : "all";
        if (what is not ("towns" or "themes" or "all"))
        {
            await Console.Error.WriteLineAsync("usage: import [towns|themes|all]");
            Environment.ExitCode = 2;
            return true;
        }

        await app.InitializeTwinningDatabaseAsync(importDirectory: false);
        await using var scope = app.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<DirectoryImporter>();
        var progress = new Progress<string>(line => Console.WriteLine($"  {line}"));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (what is "themes" or "all")
            Console.WriteLine($"themes: {await importer.SeedThemesAsync()} added");
        if (what is "towns" or "all")
        {
            Console.WriteLine($"towns: {await importer.ImportTownsAsync(progress)} imported or updated");
            Console.WriteLine($"links: {await importer.ImportLinksAsync(progress)} added");
        }

        Console.WriteLine($"done in {clock.Elapsed.TotalSeconds:F1} s");
        return true;
    }
}
