using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Twinning.Domain.Directory;
using Twinning.Domain.Matching;
using Twinning.Domain.Requests;
using Twinning.Infrastructure.Data;
using Twinning.Web.Features.Directory;
using Twinning.Web.Features.Requests;

namespace Twinning.Web.Features.Matching;

/// <summary>
/// Everything a ranking needs, built together so one answer never mixes two states of the database: the
/// matcher over the directory, each organisation's existing partners (never suggested again) and the open
/// requests (for "requests that fit this one").
/// </summary>
public sealed class MatchingSnapshot(
    Matcher matcher,
    DirectorySearchIndex directory,
    IReadOnlyDictionary<int, IReadOnlySet<int>> partners,
    IReadOnlyList<RequestListing> openRequests)
{
    public static MatchingSnapshot Empty { get; } = new(
        new Matcher([], LinkPrior.None, new MatchWeights()), DirectorySearchIndex.Empty, new Dictionary<int, IReadOnlySet<int>>(), []);

    public Matcher Matcher { get; } = matcher;

    public DirectorySearchIndex Directory { get; } = directory;

    public IReadOnlyList<RequestListing> OpenRequests { get; } = openRequests;

    public IReadOnlySet<int> PartnersOf(int organisationId) =>
        partners.TryGetValue(organisationId, out var set) ? set : EmptySet;

    private static readonly IReadOnlySet<int> EmptySet = new HashSet<int>();
}

/// <summary>The current <see cref="MatchingSnapshot"/>, swapped whole when a rebuild finishes.</summary>
public sealed class MatchingIndex
{
    private volatile MatchingSnapshot _current = MatchingSnapshot.Empty;

    public MatchingSnapshot Current => _current;

    internal void Replace(MatchingSnapshot snapshot) => _current = snapshot;
}

/// <summary>
/// Builds the matching snapshot at start-up and rebuilds it in the background when its inputs change:
/// the directory (a new <see cref="DirectoryIndex"/>), the links (count, statuses, newest id) or the open
/// requests (ids and what they accept). Every instance polls the same database every
/// <see cref="PollInterval"/>, and learning is seeded, so all instances rank alike within seconds of a change.
/// Activity ("recently active") moves slowly; it is refreshed with any rebuild and at least hourly.
/// </summary>
public sealed class MatchingIndexLoader(
    IServiceScopeFactory scopes,
    DirectoryIndex directoryIndex,
    MatchingIndex index,
    IOptions<MatchingOptions> options,
    TimeProvider clock,
    ILogger<MatchingIndexLoader> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);

    /// <summary>What counts as recent activity: a request published or a message sent in this window.</summary>
    public static readonly TimeSpan ActivityWindow = TimeSpan.FromDays(90);

    private readonly SemaphoreSlim _reload = new(1, 1);
    private Inputs? _built;
    private (LinkVersion Version, LinkPrior Prior, Dictionary<int, int> Counts, Dictionary<int, IReadOnlySet<int>> Partners)? _links;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken: cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    /// <summary>Rebuilds now when anything changed since the last build (or always, when <paramref name="force"/>).</summary>
    public async Task ReloadAsync(bool force = false, CancellationToken cancellationToken = default)
    {
        await _reload.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TwinningDbContext>();
            var catalog = scope.ServiceProvider.GetRequiredService<RequestCatalog>();
            var directory = directoryIndex.Current;
            var links = await LinkVersionAsync(db, cancellationToken);
            var open = await catalog.PublishedAsync(cancellationToken);
            var inputs = new Inputs(directory, links, OpenCallsVersion(open), clock.GetUtcNow());
            if (!force && _built is { } built && built.SameAs(inputs) && clock.GetUtcNow() - built.At < MaxAge)
                return;

            var started = clock.GetTimestamp();
            if (_links is not { } learned || learned.Version != links)
            {
                var pairs = await db.TwinningLinks.AsNoTracking().Where(l => l.Status != LinkStatus.Ended)
                    .Select(l => new { l.OrganisationAId, l.OrganisationBId }).ToListAsync(cancellationToken);
                var tuples = pairs.Select(p => (p.OrganisationAId, p.OrganisationBId)).ToList();
                var partners = tuples.Concat(tuples.Select(t => (t.OrganisationBId, t.OrganisationAId)))
                    .GroupBy(t => t.Item1)
                    .ToDictionary(g => g.Key, g => (IReadOnlySet<int>)g.Select(t => t.Item2).ToHashSet());
                learned = (links, LinkPrior.Learn(directory.Entries, tuples), LinkPrior.PartnerCounts(tuples), partners);
                _links = learned;
            }

            var facts = new CandidateFacts
            {
                PartnerCounts = learned.Counts,
                OpenCalls = open.GroupBy(r => r.OrganisationId)
                    .ToDictionary(g => g.Key, g => (IReadOnlyList<OpenCall>)g.Select(r => new OpenCall(r.WantedCountries, r.WantedBands)).ToList()),
                RecentlyActive = await RecentlyActiveAsync(db, cancellationToken),
            };
            var matcher = new Matcher(directory.Entries, learned.Prior, options.Value.Weights, facts);
            index.Replace(new MatchingSnapshot(matcher, directory, learned.Partners, open));
            _built = inputs;
            logger.LogInformation("Matching index built: {Candidates} candidates, {Open} open requests in {Elapsed} ms",
                matcher.Count, open.Count, (int)clock.GetElapsedTime(started).TotalMilliseconds);
        }
        finally
        {
            _reload.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ReloadAsync(cancellationToken: stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Could not refresh the matching index; will try again");
            }
        }
    }

    private async Task<IReadOnlySet<int>> RecentlyActiveAsync(TwinningDbContext db, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - ActivityWindow;
        // Dates are compared here rather than in SQL: SQLite stores DateTimeOffset as text. Each organisation's
        // latest message is found by id, so only one row per organisation comes back.
        var latestMessages = db.Messages.GroupBy(m => m.FromOrganisationId).Select(g => g.Max(m => m.Id));
        var messages = await db.Messages.AsNoTracking().Where(m => latestMessages.Contains(m.Id))
            .Select(m => new { Organisation = m.FromOrganisationId, At = m.SentAt }).ToListAsync(cancellationToken);
        var published = await db.Requests.AsNoTracking().Where(r => r.PublishedAt != null)
            .Select(r => new { Organisation = r.OrganisationId, At = r.PublishedAt!.Value }).ToListAsync(cancellationToken);
        return messages.Concat(published).Where(x => x.At >= since).Select(x => x.Organisation).ToHashSet();
    }

    private static async Task<LinkVersion> LinkVersionAsync(TwinningDbContext db, CancellationToken cancellationToken)
    {
        var version = await db.TwinningLinks.GroupBy(_ => 1)
            .Select(g => new LinkVersion(g.Count(), g.Max(l => l.Id), g.Count(l => l.Status == LinkStatus.Pending), g.Count(l => l.Status == LinkStatus.Ended)))
            .FirstOrDefaultAsync(cancellationToken);
        return version ?? new LinkVersion(0, 0, 0, 0);
    }

    /// <summary>What the two-sided signal and "requests that fit" read from the open requests.</summary>
    private static string OpenCallsVersion(IReadOnlyList<RequestListing> open) =>
        string.Join(';', open.OrderBy(r => r.Id).Select(r => $"{r.Id}:{r.OrganisationId}:{string.Join(',', r.WantedCountries)}:{string.Join(',', r.WantedBands)}:{string.Join(',', r.Themes)}:{string.Join(',', r.WorkingLanguages)}:{r.Deadline}"));

    public override void Dispose()
    {
        _reload.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Links are added, confirmed (pending → active) and ended; these counts move with each.</summary>
    private sealed record LinkVersion(int Count, int MaxId, int Pending, int Ended);

    private sealed record Inputs(DirectorySearchIndex Directory, LinkVersion Links, string OpenCalls, DateTimeOffset At)
    {
        public bool SameAs(Inputs other) =>
            ReferenceEquals(Directory, other.Directory) && Links == other.Links && OpenCalls == other.OpenCalls;
    }
}

/// <summary>Configuration <c>Matching</c>: the signal weights (documented in docs/matching.md).</summary>
public sealed class MatchingOptions
{
    public MatchWeights Weights { get; set; } = new();
}
