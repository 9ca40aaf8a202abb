using Microsoft.EntityFrameworkCore;
using Twinning.Domain.Directory;
using Twinning.Infrastructure.Data;

namespace Twinning.Web.Features.Directory;

/// <summary>The current in-memory directory, swapped whole when the database changes.</summary>
public sealed class DirectoryIndex
{
    private volatile DirectorySearchIndex _current = DirectorySearchIndex.Empty;

    public DirectorySearchIndex Current => _current;

    internal void Replace(DirectorySearchIndex index) => _current = index;
}

/// <summary>
/// Builds the index at start-up and rebuilds it when the directory changes: at once after an edit made
/// through this instance, and within <see cref="PollInterval"/> after one made through another instance
/// (it watches the count of organisations and the sum of their revisions).
/// </summary>
public sealed class DirectoryIndexLoader(IServiceScopeFactory scopes, DirectoryIndex index, ILogger<DirectoryIndexLoader> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _reload = new(1, 1);
    private (int Count, long Revisions) _seen = (-1, -1);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        await _reload.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TwinningDbContext>();
            var version = await VersionAsync(db, cancellationToken);
            index.Replace(await BuildAsync(db, cancellationToken));
            _seen = version;
        }
        finally
        {
            _reload.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var version = await VersionAsync(scope.ServiceProvider.GetRequiredService<TwinningDbContext>(), stoppingToken);
                if (version != _seen)
                    await ReloadAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Could not refresh the directory index; will try again");
            }
        }
    }

    private static async Task<(int, long)> VersionAsync(TwinningDbContext db, CancellationToken cancellationToken)
    {
        var count = await db.Organisations.CountAsync(cancellationToken);
        var revisions = count == 0 ? 0 : await db.Organisations.SumAsync(o => o.Revision, cancellationToken);
        return (count, revisions);
    }

    private static async Task<DirectorySearchIndex> BuildAsync(TwinningDbContext db, CancellationToken cancellationToken)
    {
        var themes = (await db.Set<OrganisationTheme>().AsNoTracking().Select(t => new { t.OrganisationId, t.ThemeId }).ToListAsync(cancellationToken))
            .ToLookup(t => t.OrganisationId, t => t.ThemeId);
        var rows = await db.Organisations.AsNoTracking()
            .Select(o => new
            {
                o.Id,
                o.GeoNamesId,
                o.Name,
                o.SearchName,
                o.Kind,
                o.CountryCode,
                o.AdminCode,
                o.Population,
                o.Band,
                o.Latitude,
                o.Longitude,
                o.InScope,
                o.IsVerified,
                o.WorkingLanguages,
            })
            .ToListAsync(cancellationToken);
        return new DirectorySearchIndex(rows.Select(o => new DirectoryEntry(
            o.Id, o.GeoNamesId, o.Name, o.SearchName, o.Kind, o.CountryCode, o.AdminCode, o.Population, o.Band,
            o.Latitude, o.Longitude, o.InScope, o.IsVerified, themes[o.Id].ToArray(), o.WorkingLanguages)));
    }

    public override void Dispose()
    {
        _reload.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }
}
