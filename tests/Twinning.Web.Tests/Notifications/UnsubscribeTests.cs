using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Domain.Notifications;
using Twinning.Infrastructure.Data;
using Twinning.Web.Features.Notifications;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Notifications;

public sealed class UnsubscribeTests(QuietMailerFactory factory) : IClassFixture<QuietMailerFactory>
{
    [Fact]
    public async Task The_link_in_an_email_turns_that_kind_off_without_logging_in()
    {
        var user = await factory.CreateUserAsync("quiet@unsub.example");
        await factory.NotifyAsync(user.Id, NotificationKind.NewMessage, "Notify.ClaimApproved", ["Ostrava"], "claims");
        await factory.Mailer.RunOnceAsync();
        var link = (await factory.Smtp.WaitForAsync("quiet@unsub.example")).LinkContaining("unsubscribe");
        var pending = await factory.NotifyAsync(user.Id, NotificationKind.NewMessage, "Notify.ClaimApproved", ["Brno"], "claims");
        var other = await factory.NotifyAsync(user.Id, NotificationKind.ClaimDecision, "Notify.ClaimApproved", ["Plzeň"], "claims");
        var anonymous = factory.CreateBrowserlikeClient();

        var page = await anonymous.GetPageAsync(link);
        Assert.Contains("This turns off the e-mails about: New messages in my conversations.", page, StringComparison.Ordinal);
        Assert.Equal(Delivery.Immediately, await DeliveryAsync(user.Id, NotificationKind.NewMessage));

        var token = WebUtility.UrlDecode(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
        var response = await anonymous.SubmitFormAsync(link, new Dictionary<string, string> { ["token"] = token }, action: "/en/notifications/unsubscribe");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You will no longer get e-mails about: New messages in my conversations.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(Delivery.Off, await DeliveryAsync(user.Id, NotificationKind.NewMessage));
        Assert.Equal(Delivery.Immediately, await DeliveryAsync(user.Id, NotificationKind.ClaimDecision));
        Assert.Null((await factory.NotificationAsync(pending)).EmailDueAt);
        Assert.NotNull((await factory.NotificationAsync(other)).EmailDueAt);
    }

    [Fact]
    public async Task A_digest_link_turns_every_kind_off()
    {
        var user = await factory.CreateUserAsync("all@unsub.example");
        var token = factory.Services.GetRequiredService<UnsubscribeTokens>().Create(user.Id, null);
        var anonymous = factory.CreateBrowserlikeClient();
        var link = "/en/notifications/unsubscribe?token=" + Uri.EscapeDataString(token);

        Assert.Contains("all notification e-mails and digests", await anonymous.GetPageAsync(link), StringComparison.Ordinal);
        var response = await anonymous.SubmitFormAsync(link, new Dictionary<string, string> { ["token"] = token }, action: "/en/notifications/unsubscribe");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var kind in Enum.GetValues<NotificationKind>())
            Assert.Equal(Delivery.Off, await DeliveryAsync(user.Id, kind));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?token=")]
    [InlineData("?token=not-a-token")]
    [InlineData("?token=CfDJ8TAMPERED")]
    public async Task A_missing_or_damaged_token_gives_a_clear_message_and_status_400(string query)
    {
        var anonymous = factory.CreateBrowserlikeClient();

        var page = await anonymous.GetPageAsync("/en/notifications/unsubscribe" + query, HttpStatusCode.BadRequest);

        Assert.Contains("This link does not work", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_changed_by_one_character_is_refused_on_post_too()
    {
        var user = await factory.CreateUserAsync("tamper@unsub.example");
        var token = factory.Services.GetRequiredService<UnsubscribeTokens>().Create(user.Id, NotificationKind.NewAnswer);
        var tampered = token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];
        var anonymous = factory.CreateBrowserlikeClient();

        var page = await anonymous.GetPageAsync("/en/notifications/unsubscribe?token=" + Uri.EscapeDataString(tampered), HttpStatusCode.BadRequest);
        Assert.Contains("The unsubscribe link is incomplete or has been changed.", page, StringComparison.Ordinal);
        var response = await anonymous.SubmitFormAsync("/en/account/login", new Dictionary<string, string> { ["token"] = tampered }, action: "/en/notifications/unsubscribe");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(Delivery.Immediately, await DeliveryAsync(user.Id, NotificationKind.NewAnswer));
    }

    private Task<Delivery> DeliveryAsync(string userId, NotificationKind kind) =>
        factory.WithServiceAsync(async sp =>
            await sp.GetRequiredService<TwinningDbContext>().NotificationPreferences.Where(p => p.UserId == userId && p.Kind == kind)
                .Select(p => (Delivery?)p.Delivery).SingleOrDefaultAsync() ?? DeliverySchedule.Default(kind));
}
