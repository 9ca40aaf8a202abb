using Microsoft.Extensions.DependencyInjection;
using Twinning.Domain.Notifications;
using Twinning.Domain.Requests;
using Twinning.Infrastructure.Data;
using Twinning.Web.Features.Notifications;

namespace Twinning.Browser.Tests;

/// <summary>The notification centre, e-mail settings, saved searches and unsubscribe pages pass axe in English, Greek and Bulgarian.</summary>
public sealed class NotificationPagesAccessibilityTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string> CultureData => new(AccessibilityTests.Cultures);

    [Theory]
    [MemberData(nameof(CultureData))]
    public async Task Notification_pages_of_a_signed_in_person_have_no_accessibility_violations(string culture)
    {
        var email = $"notified-{culture}@example.org";
        var user = await fixture.Factory.CreateUserAsync(email, culture);
        await fixture.Factory.WithServiceAsync(async sp =>
        {
            var db = sp.GetRequiredService<TwinningDbContext>();
            var now = DateTimeOffset.UtcNow;
            var read = new Notification(user.Id, NotificationKind.ClaimDecision, "Notify.ClaimApproved", ["Köln"], fixture.KolnProfile, Delivery.Off, now.AddHours(-2));
            read.MarkRead(now);
            db.Notifications.AddRange(
                read,
                new Notification(user.Id, NotificationKind.SavedSearch, "Notify.SavedSearch", ["Youth exchange", "Summer camp partners"], fixture.KolnProfile, Delivery.Off, now));
            var query = new RequestQuery { Text = "youth", Countries = ["DE"] };
            db.SavedSearches.Add(new SavedSearch(user.Id, "Youth exchange", SavedSearchQuery.ToJson(query), SavedSearchQuery.ToQueryString(query), now));
            return await db.SaveChangesAsync();
        });
        var page = await fixture.NewPageAsync();
        await BrowserFixture.LogInAsync(page, email);

        foreach (var path in new[] { "notifications", "notifications/preferences", "notifications/searches" })
        {
            await page.GotoAsync($"/{culture}/{path}");
            Assert.DoesNotContain("/account/", page.Url, StringComparison.Ordinal);
            await BrowserFixture.AssertAccessibleAsync(page);
        }

        // After saving the settings, with the confirmation shown.
        await page.GotoAsync($"/{culture}/notifications/preferences");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("[role=status]");
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [Theory]
    [MemberData(nameof(CultureData))]
    public async Task Unsubscribe_pages_have_no_accessibility_violations_with_a_valid_or_a_bad_token(string culture)
    {
        var user = await fixture.Factory.CreateUserAsync($"unsubscriber-{culture}@example.org", culture);
        var token = fixture.Factory.Services.GetRequiredService<UnsubscribeTokens>().Create(user.Id, NotificationKind.NewMessage);
        var page = await fixture.NewPageAsync();

        await page.GotoAsync($"/{culture}/notifications/unsubscribe?token={Uri.EscapeDataString(token)}");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("main [role=status]");
        await BrowserFixture.AssertAccessibleAsync(page);

        var response = await page.GotoAsync($"/{culture}/notifications/unsubscribe?token=damaged");
        Assert.Equal(400, response!.Status);
        await BrowserFixture.AssertAccessibleAsync(page);
    }
}
