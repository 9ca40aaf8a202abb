using System.Net;
using Twinning.Domain.Notifications;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Notifications;

public sealed class NotificationCentreTests(QuietMailerFactory factory) : IClassFixture<QuietMailerFactory>
{
    [Fact]
    public async Task The_centre_shows_notifications_in_the_readers_language_and_opening_one_marks_it_read()
    {
        var user = await factory.CreateUserAsync("reader@centre.example");
        var older = await factory.NotifyAsync(user.Id, NotificationKind.ClaimDecision, "Notify.ClaimApproved", ["Kleinstadt am See"], "directory/profile/41");
        var newer = await factory.NotifyAsync(user.Id, NotificationKind.ClaimDecision, "Notify.ClaimRejected", ["Großdorf", "Keine Belege"], "claims");
        var client = await factory.LoggedInClientAsync("reader@centre.example");

        var english = await client.GetPageAsync("/en/notifications");
        Assert.Contains("Your request to act for Kleinstadt am See has been approved.", english, StringComparison.Ordinal);
        Assert.Contains("The reason given: Keine Belege", english, StringComparison.Ordinal);
        Assert.True(english.IndexOf("Großdorf", StringComparison.Ordinal) < english.IndexOf("Kleinstadt am See", StringComparison.Ordinal), "Newest first.");
        Assert.Contains("2 unread", english, StringComparison.Ordinal);
        Assert.Contains(">New</span>", english, StringComparison.Ordinal);
        Assert.Contains("href=\"/en/notifications/preferences\"", english, StringComparison.Ordinal);
        Assert.Contains("href=\"/en/notifications/searches\"", english, StringComparison.Ordinal);

        var german = await client.GetPageAsync("/de/notifications");
        Assert.Contains("Ihr Antrag, für Kleinstadt am See zu handeln, wurde angenommen.", german, StringComparison.Ordinal);

        var opened = await client.SubmitFormAsync("/en/notifications", new Dictionary<string, string>(), action: $"/en/notifications/open/{older}");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/en/directory/profile/41", opened.Location());
        Assert.True((await factory.NotificationAsync(older)).IsRead);
        Assert.False((await factory.NotificationAsync(newer)).IsRead);

        var after = await client.GetPageAsync("/en/notifications");
        Assert.Contains("1 unread", after, StringComparison.Ordinal);
        Assert.Contains("href=\"/en/directory/profile/41\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Marking_all_as_read_clears_the_count_in_the_header()
    {
        var user = await factory.CreateUserAsync("many@centre.example");
        for (var i = 0; i < 3; i++)
            await factory.NotifyAsync(user.Id, NotificationKind.NewMessage, "Notify.ClaimApproved", [$"Town {i}"], "claims");
        var client = await factory.LoggedInClientAsync("many@centre.example");
        Assert.Contains("3 unread", await client.GetPageAsync("/en"), StringComparison.Ordinal);

        var done = await client.SubmitFormAsync("/en/notifications", new Dictionary<string, string>(), action: "/en/notifications/readall");
        Assert.Equal("/en/notifications", done.Location());

        Assert.Contains("All notifications are marked as read.", await client.GetPageAsync("/en/notifications"), StringComparison.Ordinal);
        Assert.DoesNotContain(" unread", await client.GetPageAsync("/en"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_can_open_another_persons_notification()
    {
        var owner = await factory.CreateUserAsync("owner@centre.example");
        await factory.CreateUserAsync("other@centre.example");
        var id = await factory.NotifyAsync(owner.Id, NotificationKind.ClaimDecision, "Notify.ClaimApproved", ["Secret town"], "claims");
        var other = await factory.LoggedInClientAsync("other@centre.example");

        var response = await other.SubmitFormAsync("/en/notifications", new Dictionary<string, string>(), action: $"/en/notifications/open/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False((await factory.NotificationAsync(id)).IsRead);
        Assert.DoesNotContain("Secret town", await other.GetPageAsync("/en/notifications"), StringComparison.Ordinal);
    }
}
