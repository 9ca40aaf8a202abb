using Microsoft.Extensions.DependencyInjection;
using Twinning.Domain.Accounts;
using Twinning.Domain.Verification;
using Twinning.Infrastructure.Data;

namespace Twinning.Browser.Tests;

/// <summary>Every page, in English, Greek and Bulgarian, passes axe's WCAG 2.1 AA rules.</summary>
public sealed class AccessibilityTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    public static readonly string[] Cultures = ["en", "el", "bg"];

    /// <summary>The pages anyone can open.</summary>
    public static readonly string[] PublicPages =
    [
        "", "home/privacy", "home/accessibility", "home/imprint",
        "account/register", "account/registerconfirmation", "account/resendconfirmation",
        "account/confirmemail?userId=x&code=y", "account/login", "account/forgotpassword",
        "account/forgotpasswordconfirmation", "account/resetpassword?code=x&email=a%40b.eu",
        "account/resetpasswordconfirmation", "account/lockout", "account/accessdenied",
        "no-such-page",
    ];

    /// <summary>The pages of a signed-in account (the admin list needs the Admin role with two-factor).</summary>
    public static readonly string[] AccountPages =
    [
        "manage", "manage/changepassword", "manage/twofactor", "manage/enableauthenticator",
        "manage/personaldata", "manage/deleteaccount", "admin",
        "claims", "claims/neworganisation", "associations", "verification", "verification/audit", "themes",
    ];

    public static TheoryData<string> CultureData => new(Cultures);

    [Theory]
    [MemberData(nameof(CultureData))]
    public async Task Public_pages_have_no_accessibility_violations(string culture)
    {
        var page = await fixture.NewPageAsync();
        string[] directory = ["directory", "directory?q=koln&country=DE&band=Metropolitan", "directory?q=zzzzzzzz", fixture.KolnProfile];
        foreach (var path in PublicPages.Concat(directory))
        {
            await page.GotoAsync($"/{culture}/{path}");
            await BrowserFixture.AssertAccessibleAsync(page);
        }
    }

    [Theory]
    [MemberData(nameof(CultureData))]
    public async Task Account_and_admin_pages_have_no_accessibility_violations(string culture)
    {
        var email = $"admin-{culture}@cemr.example";
        var key = await fixture.CreateTwoFactorUserAsync(email, Roles.Admin);
        // A pending claim, so the verification queue shows its decision forms.
        var claimant = await fixture.Factory.CreateUserAsync($"claimant-{culture}@example.org");
        await fixture.Factory.WithServiceAsync(async sp =>
        {
            var db = sp.GetRequiredService<TwinningDbContext>();
            db.Claims.Add(OrganisationClaim.ForExisting(claimant.Id, fixture.KolnId, "DE", "Referentin", "x@stadt-koeln.example", "Team page", DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        var page = await fixture.NewPageAsync();
        await BrowserFixture.LogInAsync(page, email, key);

        foreach (var path in AccountPages.Concat([$"claims/claim/{fixture.KolnId}", $"profiles/edit/{fixture.KolnId}"]))
        {
            await page.GotoAsync($"/{culture}/{path}");
            Assert.DoesNotContain("/account/", page.Url, StringComparison.Ordinal);
            await BrowserFixture.AssertAccessibleAsync(page);
        }

        await page.GotoAsync($"/{culture}/manage/twofactor");
        await page.Locator("form[action$='/generaterecoverycodes'] button").ClickAsync();
        await page.WaitForURLAsync("**/manage/recoverycodes");
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [Theory]
    [MemberData(nameof(CultureData))]
    public async Task Forms_showing_errors_and_the_two_factor_steps_have_no_violations(string culture)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"/{culture}/account/register");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("[aria-invalid=true]");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GotoAsync($"/{culture}/account/login");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("[role=alert]");
        await BrowserFixture.AssertAccessibleAsync(page);

        var email = $"tfa-{culture}@example.org";
        await fixture.CreateTwoFactorUserAsync(email);
        await page.GotoAsync($"/{culture}/account/login");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(Web.Tests.Infrastructure.TwinningFactory.Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/loginwith2fa**");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GotoAsync($"/{culture}/account/loginwithrecoverycode");
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task The_axe_check_does_catch_a_violation()
    {
        var page = await fixture.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html><head><title>x</title></head><body><main><input type=\"text\"></main></body></html>");

        await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => BrowserFixture.AssertAccessibleAsync(page));
    }
}
