using Twinning.Domain.Requests;
using Twinning.Web.Features.Requests;

namespace Twinning.Web.Tests.Requests;

/// <summary>The in-memory published requests: reused while fresh, reloaded after a local change or when older than its maximum age.</summary>
public sealed class RequestIndexTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task A_fresh_snapshot_is_reused_and_an_invalidated_or_old_one_reloaded()
    {
        var clock = new Clock();
        using var index = new RequestIndex(clock);
        var loads = 0;
        Task<List<RequestListing>> Load(CancellationToken _)
        {
            loads++;
            return Task.FromResult(new List<RequestListing>());
        }

        await index.PublishedAsync(Load, CancellationToken.None);
        await index.PublishedAsync(Load, CancellationToken.None);
        Assert.Equal(1, loads);

        index.Invalidate();
        await index.PublishedAsync(Load, CancellationToken.None);
        Assert.Equal(2, loads);

        clock.Now += RequestIndex.MaxAge;
        await index.PublishedAsync(Load, CancellationToken.None);
        Assert.Equal(3, loads);
    }

    [Fact]
    public async Task Simultaneous_searches_load_once()
    {
        using var index = new RequestIndex(new Clock());
        var loads = 0;
        async Task<List<RequestListing>> Load(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref loads);
            await Task.Delay(50, cancellationToken);
            return [];
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => index.PublishedAsync(Load, CancellationToken.None)));
        Assert.Equal(1, loads);
    }
}
