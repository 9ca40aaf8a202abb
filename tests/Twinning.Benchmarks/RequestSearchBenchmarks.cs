using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Domain.Directory;
using Twinning.Domain.Requests;
using Twinning.Infrastructure.Data;
using Twinning.Web.Features.Directory;

namespace Twinning.Benchmarks;

/// <summary>
/// The partner request search with 2,000 published requests (ten times what the survey's 1,500 active
/// twinning seekers would publish at once), in process on the embedded database, through the whole
/// pipeline: loading the published requests, matching words in every language, rendering the page.
/// Goal, as a ratio: the in-memory match a small part of the page, and the page near the cost of other
/// rich pages (measured: the page ~45x /health/live, the match ~1x; see docs/performance.md).
/// </summary>
[MemoryDiagnoser]
public class RequestSearchBenchmarks
{
    private const int Requests = 2_000;
    private static readonly string[] Words = ["youth", "exchange", "culture", "sport", "energy", "climate", "choir", "music", "schools", "mobility", "heritage", "festival"];

    private WebApplicationFactory<global::Program> _factory = null!;
    private HttpClient _client = null!;
    private string _dataDirectory = null!;
    private IReadOnlyList<RequestListing> _listings = null!;

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
        _client.GetAsync("/health/ready").GetAwaiter().GetResult().EnsureSuccessStatusCode();
        Seed().GetAwaiter().GetResult();
        foreach (var path in new[] { "/health/live", "/en/requests", "/en/requests?q=youth+exchange" })
            _client.GetAsync(path).GetAwaiter().GetResult().EnsureSuccessStatusCode();
    }

    private async Task Seed()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TwinningDbContext>();
        var towns = await db.Organisations.Where(o => o.InScope && o.Population > 5_000).OrderBy(o => o.Id).Take(Requests).ToListAsync();
        var now = DateTimeOffset.UtcNow;
        var random = new Random(7);
        foreach (var (town, i) in towns.Select((t, i) => (t, i)))
        {
            town.MarkVerified(now);
            string Sentence() => string.Join(' ', Enumerable.Range(0, 12).Select(_ => Words[random.Next(Words.Length)]));
            var request = new PartnerRequest(town.Id, town.CountryCode, "bench", new RequestContent((RequestPurpose)(i % 4),
                [new RequestText("en", Sentence(), Sentence() + ". " + Sentence()), new RequestText("de", "Partnersuche " + i, "Wir suchen Partner für Austausch und Kultur.")],
                i % 3 == 0 ? ["FR", "DE"] : [], [(PopulationBand)(i % 3)], [1 + (i % 20)], ["en"], null, null), now);
            request.Submit(now);
            request.Validate("bench", now);
            db.Requests.Add(request);
        }
        await db.SaveChangesAsync();
        await _factory.Services.GetRequiredService<DirectoryIndexLoader>().ReloadAsync();
        _listings = await scope.ServiceProvider.GetRequiredService<Twinning.Web.Features.Requests.RequestCatalog>().PublishedAsync(CancellationToken.None);
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
    public Task<string> SearchPageAll() => _client.GetStringAsync("/en/requests");

    [Benchmark]
    public Task<string> SearchPageWords() => _client.GetStringAsync("/en/requests?q=youth+exchange&purpose=JointActivity");

    [Benchmark]
    public Task<string> SearchPageFiltersGreek() => _client.GetStringAsync("/el/requests?country=DE&country=FR&band=Small&language=en");

    [Benchmark]
    public int MatchInMemoryOnly() => RequestSearch.Search(_listings, new RequestQuery { Text = "youth exchange", Purposes = [RequestPurpose.JointActivity] }, 1).Total;
}
