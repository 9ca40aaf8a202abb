using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Twinning.Benchmarks;

/// <summary>
/// What a localized page costs over the cheapest endpoint of the same app, through the whole pipeline
/// (localization, security headers, routing, Razor), in process on the embedded database. The goal is a
/// ratio, not a time: the home page in any language within 10x of /health/live, and Greek no dearer than English.
/// </summary>
[MemoryDiagnoser]
public class PageRenderingBenchmarks
{
    private WebApplicationFactory<global::Program> _factory = null!;
    private HttpClient _client = null!;
    private string _dataDirectory = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dataDirectory = Directory.CreateTempSubdirectory("twinning-bench-").FullName;
        _factory = new WebApplicationFactory<global::Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["Database:DataDirectory"] = _dataDirectory,
                ["Serilog:MinimumLevel:Default"] = "Warning",
            }));
        });
        _client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        // Warm the Razor views and the resource managers of both languages.
        foreach (var path in new[] { "/health/live", "/en", "/el", "/en/account/login" })
            _client.GetAsync(path).GetAwaiter().GetResult().EnsureSuccessStatusCode();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _factory.Dispose();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public Task<string> HealthLive() => _client.GetStringAsync("/health/live");

    [Benchmark]
    public Task<string> HomeEnglish() => _client.GetStringAsync("/en");

    [Benchmark]
    public Task<string> HomeGreek() => _client.GetStringAsync("/el");

    [Benchmark]
    public Task<string> LoginFormBulgarian() => _client.GetStringAsync("/bg/account/login");
}
