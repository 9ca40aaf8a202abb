using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Domain.Notifications;
using Twinning.Domain.Requests;
using Twinning.Infrastructure.Data;
using Twinning.Web.Features.Notifications;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Notifications;

/// <summary>
/// Who may use the notification centre, e-mail settings and saved searches: anonymous callers are sent to
/// log in, and one person can neither open another's notification nor delete another's saved search.
/// </summary>
public sealed class NotificationAuthorizationTests(NotificationAuthorizationTests.World world) : IClassFixture<NotificationAuthorizationTests.World>
{
    public enum Outcome
    {
        Allowed,
        LoginRequired,
        NotFound,
    }

    public static TheoryData<string, string, Outcome> Matrix() => new()
    {
        { "anonymous", "GET /en/notifications", Outcome.LoginRequired },
        { "anonymous", "GET /en/notifications/preferences", Outcome.LoginRequired },
        { "anonymous", "GET /en/notifications/searches", Outcome.LoginRequired },
        { "anonymous", "POST /en/notifications/open/{N}", Outcome.LoginRequired },
        { "anonymous", "POST /en/notifications/readall", Outcome.LoginRequired },
        { "anonymous", "POST /en/notifications/preferences", Outcome.LoginRequired },
        { "anonymous", "POST /en/notifications/savesearch", Outcome.LoginRequired },
        { "anonymous", "POST /en/notifications/deletesearch/{S}", Outcome.LoginRequired },
        { "owner", "GET /en/notifications", Outcome.Allowed },
        { "owner", "GET /en/notifications/preferences", Outcome.Allowed },
        { "owner", "GET /en/notifications/searches", Outcome.Allowed },
        { "other", "GET /en/notifications", Outcome.Allowed },
        { "other", "POST /en/notifications/open/{N}", Outcome.NotFound },
        { "other", "POST /en/notifications/deletesearch/{S}", Outcome.NotFound },
        { "other", "POST /en/notifications/readall", Outcome.Allowed },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_person_reaches_only_their_own_notifications_and_searches(string actor, string request, Outcome expected)
    {
        var client = await world.ClientAsync(actor);
        var (method, path) = (request.Split(' ')[0], request.Split(' ')[1]
            .Replace("{N}", world.Notification.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{S}", world.Search.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

        HttpResponseMessage response;
        if (method == "GET")
        {
            response = await client.GetAsync(path);
        }
        else
        {
            var fields = new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = HttpClientExtensions.AntiforgeryToken(await client.GetPageAsync("/en/account/login")),
            };
            if (path.EndsWith("/savesearch", StringComparison.Ordinal))
                fields["Name"] = "Sneaky search";
            if (path.EndsWith("/preferences", StringComparison.Ordinal))
                fields["Delivery[ClaimDecision]"] = "Off";
            response = await client.PostAsync(path, new FormUrlEncodedContent(fields));
        }

        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        var outcome = response.StatusCode switch
        {
            HttpStatusCode.Redirect when location.Contains("/account/login", StringComparison.Ordinal) => Outcome.LoginRequired,
            HttpStatusCode.NotFound => Outcome.NotFound,
            HttpStatusCode.OK or HttpStatusCode.Redirect => Outcome.Allowed,
            _ => throw new InvalidOperationException($"{actor} {request}: unexpected {(int)response.StatusCode} {location}"),
        };
        Assert.Equal(expected, outcome);
        if (actor != "owner")
        {
            Assert.False(await world.NotificationReadAsync());
            Assert.True(await world.SearchExistsAsync());
        }
    }

    /// <summary>The owner with one unread notification and one saved search; another signed-in person.</summary>
    public sealed class World : QuietMailerFactory, IAsyncLifetime
    {
        private readonly Dictionary<string, HttpClient> _clients = [];

        public long Notification { get; private set; }
        public int Search { get; private set; }

        public async Task InitializeAsync()
        {
            var owner = await CreateUserAsync("owner@notify-authz.example");
            await CreateUserAsync("other@notify-authz.example");
            Notification = await NotifyAsync(owner.Id, NotificationKind.ClaimDecision, "Notify.ClaimApproved", ["Owner town"], "claims");
            Search = await WithServiceAsync(async sp =>
            {
                var db = sp.GetRequiredService<TwinningDbContext>();
                var search = db.SavedSearches.Add(new SavedSearch(owner.Id, "Owner's search", SavedSearchQuery.ToJson(new RequestQuery()), string.Empty, DateTimeOffset.UtcNow)).Entity;
                await db.SaveChangesAsync();
                return search.Id;
            });
        }

        public async Task<HttpClient> ClientAsync(string actor)
        {
            if (actor == "anonymous")
                return CreateBrowserlikeClient();
            if (!_clients.TryGetValue(actor, out var client))
            {
                client = await LoggedInClientAsync($"{actor}@notify-authz.example");
                _clients[actor] = client;
            }
            return client;
        }

        public Task<bool> NotificationReadAsync() => WithServiceAsync(async sp =>
            (await sp.GetRequiredService<TwinningDbContext>().Notifications.AsNoTracking().SingleAsync(n => n.Id == Notification)).IsRead);

        public Task<bool> SearchExistsAsync() => WithServiceAsync(sp =>
            sp.GetRequiredService<TwinningDbContext>().SavedSearches.AnyAsync(s => s.Id == Search));

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }
}
