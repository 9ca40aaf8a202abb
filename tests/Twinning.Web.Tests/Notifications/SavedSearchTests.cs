using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Domain.Directory;
using Twinning.Domain.Notifications;
using Twinning.Domain.Requests;
using Twinning.Domain.Verification;
using Twinning.Infrastructure.Data;
using Twinning.Web.Features.Notifications;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Notifications;

public sealed class SavedSearchTests(QuietMailerFactory factory) : IClassFixture<QuietMailerFactory>
{
    [Fact]
    public async Task A_saved_search_is_listed_with_its_link_and_alerts_on_a_matching_published_request_only()
    {
        var watcher = await factory.CreateUserAsync("watcher@alerts.example");
        var client = await factory.LoggedInClientAsync("watcher@alerts.example");
        var saved = await client.SubmitFormAsync("/en/notifications/searches", new Dictionary<string, string>
        {
            ["Name"] = "Youth in Germany",
            ["Q"] = "jugend",
            ["Purpose"] = "JointActivity",
            ["Country"] = "de",
        }, action: "/en/notifications/savesearch");
        Assert.Equal("/en/notifications/searches", saved.Location());

        var list = await client.GetPageAsync("/en/notifications/searches");
        Assert.Contains("Youth in Germany", list, StringComparison.Ordinal);
        Assert.Contains("href=\"/en/requests?q=jugend&amp;purpose=JointActivity&amp;country=DE\"", list, StringComparison.Ordinal);
        var json = await factory.WithServiceAsync(sp => sp.GetRequiredService<TwinningDbContext>().SavedSearches.Where(s => s.UserId == watcher.Id).Select(s => s.QueryJson).SingleAsync());
        Assert.Contains("\"JointActivity\"", json, StringComparison.Ordinal);

        var town = await factory.CreateTownAsync("Jugendstadt", "DE");
        var matching = Listing(501, town, "DE", RequestPurpose.JointActivity, "Jugendaustausch im Sommer");
        var otherCountry = Listing(502, town, "AT", RequestPurpose.JointActivity, "Jugendaustausch in Tirol");
        var otherPurpose = Listing(503, town, "DE", RequestPurpose.NewTwinning, "Jugend sucht Partnerstadt");

        // Other tests' searches share the database: count only the watcher's notifications.
        await AlertAsync(otherCountry);
        await AlertAsync(otherPurpose);
        Assert.Empty(await NotificationsOfAsync(watcher.Id));
        Assert.True(await AlertAsync(matching) >= 1);

        var notes = await NotificationsOfAsync(watcher.Id);
        var note = Assert.Single(notes);
        Assert.Equal(NotificationKind.SavedSearch, note.Kind);
        Assert.Equal("requests/details/501", note.Link);
        Assert.Equal(["Youth in Germany", "Jugendaustausch im Sommer"], note.Arguments);
        Assert.Contains("A new partner request matches your saved search “Youth in Germany”: Jugendaustausch im Sommer",
            await client.GetPageAsync("/en/notifications"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_requesting_organisations_own_officers_are_not_alerted()
    {
        var town = await factory.CreateTownAsync("Selbststadt", "DE");
        var officer = await factory.CreateUserAsync("officer@selbst.example");
        await factory.WithServiceAsync(async sp =>
        {
            var db = sp.GetRequiredService<TwinningDbContext>();
            db.Officers.Add(new OrganisationOfficer(town, officer.Id, "mayor", DateTimeOffset.UtcNow));
            db.SavedSearches.Add(new SavedSearch(officer.Id, "Everything", SavedSearchQuery.ToJson(new RequestQuery()), string.Empty, DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });

        await AlertAsync(Listing(601, town, "DE", RequestPurpose.ExperienceExchange, "Our own request"));

        Assert.Empty(await NotificationsOfAsync(officer.Id));
    }

    [Fact]
    public async Task A_person_keeps_at_most_twenty_saved_searches_and_may_delete_them()
    {
        var user = await factory.CreateUserAsync("hoarder@alerts.example");
        await factory.WithServiceAsync(async sp =>
        {
            var db = sp.GetRequiredService<TwinningDbContext>();
            for (var i = 0; i < 20; i++)
                db.SavedSearches.Add(new SavedSearch(user.Id, $"Search {i}", SavedSearchQuery.ToJson(new RequestQuery()), string.Empty, DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        var client = await factory.LoggedInClientAsync("hoarder@alerts.example");

        var refused = await client.SubmitFormAsync("/en/notifications/searches", new Dictionary<string, string> { ["Name"] = "One more" }, action: "/en/notifications/savesearch");
        Assert.Equal("/en/notifications/searches", refused.Location());
        Assert.Contains("You can keep at most 20 saved searches.", await client.GetPageAsync("/en/notifications/searches"), StringComparison.Ordinal);
        Assert.Equal(20, await CountAsync(user.Id));

        var first = await factory.WithServiceAsync(sp => sp.GetRequiredService<TwinningDbContext>().SavedSearches.Where(s => s.UserId == user.Id).MinAsync(s => s.Id));
        var deleted = await client.SubmitFormAsync("/en/notifications/searches", new Dictionary<string, string>(), action: $"/en/notifications/deletesearch/{first}");
        Assert.Equal("/en/notifications/searches", deleted.Location());
        Assert.Equal(19, await CountAsync(user.Id));
    }

    [Fact]
    public async Task A_search_without_a_name_is_refused_with_a_message()
    {
        await factory.CreateUserAsync("nameless@alerts.example");
        var client = await factory.LoggedInClientAsync("nameless@alerts.example");

        await client.SubmitFormAsync("/en/notifications/searches", new Dictionary<string, string> { ["Name"] = " ", ["Q"] = "x" }, action: "/en/notifications/savesearch");

        Assert.Contains("Give the search a name.", await client.GetPageAsync("/en/notifications/searches"), StringComparison.Ordinal);
    }

    private static RequestListing Listing(int id, int organisationId, string country, RequestPurpose purpose, string title) =>
        new(id, organisationId, "Some town", country, PopulationBand.Small, purpose, [new RequestText("de", title, "Beschreibung")],
            [], [], [], ["de"], null, DateTimeOffset.UtcNow);

    private Task<int> AlertAsync(RequestListing request) =>
        factory.WithServiceAsync(sp => sp.GetRequiredService<SavedSearchAlerts>().OnPublishedAsync(request, CancellationToken.None));

    private Task<List<Notification>> NotificationsOfAsync(string userId) =>
        factory.WithServiceAsync(sp => sp.GetRequiredService<TwinningDbContext>().Notifications.AsNoTracking().Where(n => n.UserId == userId).ToListAsync());

    private Task<int> CountAsync(string userId) =>
        factory.WithServiceAsync(sp => sp.GetRequiredService<TwinningDbContext>().SavedSearches.CountAsync(s => s.UserId == userId));
}
