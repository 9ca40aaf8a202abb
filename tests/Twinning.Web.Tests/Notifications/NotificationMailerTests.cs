using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Twinning.Domain.Notifications;
using Twinning.Infrastructure.Data;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Notifications;

public sealed class NotificationMailerTests(QuietMailerFactory factory) : IClassFixture<QuietMailerFactory>
{
    [Fact]
    public async Task An_immediate_notification_is_mailed_once_in_the_recipients_language_with_an_unsubscribe_link()
    {
        var user = await factory.CreateUserAsync("jonas@gemeinde.example", culture: "de");
        var id = await factory.NotifyAsync(user.Id, NotificationKind.ClaimDecision, "Notify.ClaimApproved", ["Kleinstadt am See"], "directory/profile/7");

        Assert.Equal(1, await factory.Mailer.RunOnceAsync());
        Assert.Equal(0, await factory.Mailer.RunOnceAsync());

        var mail = await factory.Smtp.WaitForAsync("jonas@gemeinde.example");
        Assert.Equal("Eine Entscheidung über Ihren Antrag bei Twinning", mail.Subject);
        Assert.Contains("Ihr Antrag, für Kleinstadt am See zu handeln, wurde angenommen.", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal("/de/directory/profile/7", mail.LinkContaining("/directory/profile/"));
        Assert.StartsWith("/de/notifications/unsubscribe?token=", mail.LinkContaining("unsubscribe"), StringComparison.Ordinal);
        Assert.Contains("Diese E-Mails abbestellen", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("/de/notifications/unsubscribe?token=", mail.Headers[HeaderId.ListUnsubscribe], StringComparison.Ordinal);
        Assert.NotNull((await factory.NotificationAsync(id)).EmailedAt);
        Assert.Single(factory.Smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == "jonas@gemeinde.example"));
    }

    [Fact]
    public async Task Values_in_a_notification_are_encoded_in_the_html_email()
    {
        var user = await factory.CreateUserAsync("html@encode.example");
        await factory.NotifyAsync(user.Id, NotificationKind.SavedSearch, "Notify.SavedSearch", ["<b>bold</b>", "Tom & Jerry"], "requests/details/3");
        await factory.WithServiceAsync(async sp =>
        {
            var db = sp.GetRequiredService<TwinningDbContext>();
            var n = await db.Notifications.SingleAsync(x => x.UserId == user.Id);
            n.Reschedule(Delivery.Immediately, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });

        await factory.Mailer.RunOnceAsync();

        var mail = await factory.Smtp.WaitForAsync("html@encode.example");
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Tom &amp; Jerry", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>bold</b>", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_daily_digest_groups_the_due_items_in_one_email_sent_once_even_by_two_instances_at_once()
    {
        var past = DateTimeOffset.UtcNow.AddDays(-3);
        var people = new List<string>();
        foreach (var name in new[] { "digest-one@twins.example", "digest-two@twins.example" })
        {
            var user = await factory.CreateUserAsync(name);
            people.Add(user.Id);
            await factory.AddAsync(
                new Notification(user.Id, NotificationKind.SavedSearch, "Notify.SavedSearch", ["Youth", "Summer camp in Gdańsk"], "requests/details/11", Delivery.Daily, past),
                new Notification(user.Id, NotificationKind.SavedSearch, "Notify.SavedSearch", ["Youth", "Choir exchange"], "requests/details/12", Delivery.Daily, past.AddHours(1)),
                new Notification(user.Id, NotificationKind.NewMessage, "Notify.ClaimApproved", ["Aarhus"], "claims", Delivery.Daily, past.AddHours(2)),
                // Not due yet: the next digest takes it.
                new Notification(user.Id, NotificationKind.SavedSearch, "Notify.SavedSearch", ["Youth", "Tomorrow's request"], "requests/details/13", Delivery.Daily, DateTimeOffset.UtcNow));
        }

        await using var second = new SecondInstanceFactory(factory.ConnectionString);
        var results = await Task.WhenAll(
            Task.Run(() => factory.Mailer.RunOnceAsync()),
            Task.Run(() => second.Mailer.RunOnceAsync()),
            Task.Run(() => factory.Mailer.RunOnceAsync()),
            Task.Run(() => second.Mailer.RunOnceAsync()));
        await factory.Mailer.RunOnceAsync();
        await second.Mailer.RunOnceAsync();

        foreach (var address in new[] { "digest-one@twins.example", "digest-two@twins.example" })
        {
            var mail = await WaitInEitherAsync(second, address);
            await Task.Delay(300);
            var received = factory.Smtp.Messages.Concat(second.Smtp.Messages).Count(m => m.To.Mailboxes.Any(a => a.Address == address));
            Assert.Equal(1, received);
            Assert.Equal("Your daily digest from Twinning: 3 updates", mail.Subject);
            Assert.Contains("Summer camp in Gdańsk", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("Choir exchange", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("Aarhus", mail.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("Tomorrow's request", mail.TextBody, StringComparison.Ordinal);
            Assert.Equal("/en/requests/details/11", mail.LinkContaining("/requests/details/11"));
            Assert.Contains("<li><a href=", mail.HtmlBody, StringComparison.Ordinal);
        }
        Assert.Equal(2, results.Sum());

        var states = await factory.WithServiceAsync(sp => sp.GetRequiredService<TwinningDbContext>().Notifications.AsNoTracking()
            .Where(n => people.Contains(n.UserId)).Select(n => new { n.Arguments, n.EmailedAt }).ToListAsync());
        Assert.Equal(6, states.Count(s => s.EmailedAt != null));
        Assert.All(states.Where(s => s.EmailedAt == null), s => Assert.Contains("Tomorrow's request", s.Arguments));
    }

    [Fact]
    public async Task A_failed_send_leaves_that_persons_email_due_and_the_others_go()
    {
        var broken = await factory.CreateUserAsync("broken@mailer.example");
        var fine = await factory.CreateUserAsync("fine@mailer.example");
        await factory.WithServiceAsync(async sp =>
        {
            var db = sp.GetRequiredService<TwinningDbContext>();
            var user = await db.Users.SingleAsync(u => u.Id == broken.Id);
            user.Email = "not an address";
            return await db.SaveChangesAsync();
        });
        var stuck = await factory.NotifyAsync(broken.Id, NotificationKind.ClaimDecision, "Notify.ClaimApproved", ["Nowhere"], "claims");
        var sent = await factory.NotifyAsync(fine.Id, NotificationKind.ClaimDecision, "Notify.ClaimApproved", ["Somewhere"], "claims");

        await factory.Mailer.RunOnceAsync();

        await factory.Smtp.WaitForAsync("fine@mailer.example");
        Assert.NotNull((await factory.NotificationAsync(sent)).EmailedAt);
        var due = await factory.NotificationAsync(stuck);
        Assert.Null(due.EmailedAt);
        Assert.NotNull(due.EmailDueAt);
    }

    private async Task<MimeMessage> WaitInEitherAsync(TwinningFactory second, string address)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var found = factory.Smtp.Messages.Concat(second.Smtp.Messages).FirstOrDefault(m => m.To.Mailboxes.Any(a => a.Address == address));
            if (found is not null)
                return found;
            await Task.Delay(50);
        }
        throw new TimeoutException($"No e-mail to {address} arrived.");
    }
}
