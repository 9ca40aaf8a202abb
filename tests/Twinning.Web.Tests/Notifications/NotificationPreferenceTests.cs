using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Domain.Notifications;
using Twinning.Infrastructure.Data;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Notifications;

public sealed class NotificationPreferenceTests(QuietMailerFactory factory) : IClassFixture<QuietMailerFactory>
{
    [Fact]
    public async Task Turning_a_kind_off_cancels_its_pending_emails_and_moving_to_weekly_reschedules_them()
    {
        var user = await factory.CreateUserAsync("chooser@prefs.example");
        var message = await factory.NotifyAsync(user.Id, NotificationKind.NewMessage, "Notify.ClaimApproved", ["A"], "claims");
        var alert = await factory.NotifyAsync(user.Id, NotificationKind.SavedSearch, "Notify.SavedSearch", ["Youth", "Exchange"], "requests/details/1");
        Assert.Equal(Delivery.Immediately, (await factory.NotificationAsync(message)).Delivery);
        Assert.Equal(Delivery.Daily, (await factory.NotificationAsync(alert)).Delivery);
        var client = await factory.LoggedInClientAsync("chooser@prefs.example");

        var saved = await client.SubmitFormAsync("/en/notifications/preferences", new Dictionary<string, string>
        {
            ["Delivery[NewMessage]"] = "Off",
            ["Delivery[SavedSearch]"] = "Weekly",
            ["Delivery[ClaimDecision]"] = "Immediately",
        });
        Assert.Equal("/en/notifications/preferences", saved.Location());

        var cancelled = await factory.NotificationAsync(message);
        Assert.Null(cancelled.EmailDueAt);
        var moved = await factory.NotificationAsync(alert);
        Assert.Equal(Delivery.Weekly, moved.Delivery);
        Assert.Equal(DayOfWeek.Monday, moved.EmailDueAt!.Value.UtcDateTime.DayOfWeek);
        Assert.Equal(new TimeSpan(7, 0, 0), moved.EmailDueAt.Value.UtcDateTime.TimeOfDay);
        Assert.True(moved.EmailDueAt > DateTimeOffset.UtcNow);

        var stored = await factory.WithServiceAsync(sp => sp.GetRequiredService<TwinningDbContext>().NotificationPreferences
            .Where(p => p.UserId == user.Id).ToDictionaryAsync(p => p.Kind, p => p.Delivery));
        Assert.Equal(Delivery.Off, stored[NotificationKind.NewMessage]);
        Assert.Equal(Delivery.Weekly, stored[NotificationKind.SavedSearch]);

        // The form shows the choices, and what comes next follows them.
        var page = await client.GetPageAsync("/en/notifications/preferences");
        Assert.Matches(new Regex("id=\"delivery-NewMessage-Off\" value=\"Off\"\\s+checked=\"checked\""), page);
        Assert.Matches(new Regex("id=\"delivery-SavedSearch-Weekly\" value=\"Weekly\"\\s+checked=\"checked\""), page);
        Assert.Contains("<legend", page, StringComparison.Ordinal);
        var later = await factory.NotifyAsync(user.Id, NotificationKind.NewMessage, "Notify.ClaimApproved", ["B"], "claims");
        Assert.Null((await factory.NotificationAsync(later)).EmailDueAt);
        Assert.Equal(0, await factory.Mailer.RunOnceAsync());
    }

    [Fact]
    public async Task A_digest_item_moved_to_immediately_is_sent_at_the_next_run()
    {
        var user = await factory.CreateUserAsync("hurry@prefs.example");
        var alert = await factory.NotifyAsync(user.Id, NotificationKind.SavedSearch, "Notify.SavedSearch", ["Culture", "Festival partners"], "requests/details/2");
        var client = await factory.LoggedInClientAsync("hurry@prefs.example");

        await client.SubmitFormAsync("/en/notifications/preferences", new Dictionary<string, string> { ["Delivery[SavedSearch]"] = "Immediately" });
        Assert.Equal(Delivery.Immediately, (await factory.NotificationAsync(alert)).Delivery);
        await factory.Mailer.RunOnceAsync();

        var mail = await factory.Smtp.WaitForAsync("hurry@prefs.example");
        Assert.Contains("Festival partners", mail.TextBody, StringComparison.Ordinal);
        Assert.NotNull((await factory.NotificationAsync(alert)).EmailedAt);
    }

    [Fact]
    public async Task An_unknown_choice_is_refused_with_a_message()
    {
        await factory.CreateUserAsync("odd@prefs.example");
        var client = await factory.LoggedInClientAsync("odd@prefs.example");

        var response = await client.SubmitFormAsync("/en/notifications/preferences", new Dictionary<string, string> { ["Delivery[NewMessage]"] = "17" });

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Choose one of the offered options", body[body.IndexOf("<main", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }
}
