using System.Web;
using Microsoft.Playwright;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Browser.Tests;

public sealed class JourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_town_officer_registers_confirms_logs_in_and_switches_to_greek()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        Assert.EndsWith("/en/", page.Url, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Create a free account" }).ClickAsync();
        await page.GetByLabel("Your name").FillAsync("Maria Papadopoulou");
        await page.GetByLabel("E-mail address").FillAsync("maria@kalamata.example");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(TwinningFactory.Password);
        await page.GetByLabel("Repeat the password").FillAsync(TwinningFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your mailbox" })).ToBeVisibleAsync();

        var mail = await fixture.Factory.Smtp.WaitForAsync("maria@kalamata.example");
        var link = mail.LinkContaining("confirmemail");
        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm my address" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("confirmed");

        await page.GetByLabel("E-mail address").FillAsync("maria@kalamata.example");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(TwinningFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToBeVisibleAsync();

        await page.Locator("summary").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ελληνικά" }).ClickAsync();
        await page.WaitForURLAsync("**/el/");
        Assert.Equal("el", await page.Locator("html").GetAttributeAsync("lang"));
        await BrowserFixture.AssertAccessibleAsync(page);

        // The language is remembered: a bare address opens in Greek.
        await page.GotoAsync("/");
        Assert.EndsWith("/el/", page.Url, StringComparison.Ordinal);
        Assert.Null(HttpUtility.ParseQueryString(new Uri(page.Url).Query)["error"]);
    }

    [Fact]
    public async Task The_skip_link_is_the_first_stop_and_moves_focus_to_the_content()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/en");

        await page.Keyboard.PressAsync("Tab");
        var first = await page.EvaluateAsync<string>("document.activeElement.textContent.trim()");
        Assert.Equal("Skip to main content", first);

        await page.Keyboard.PressAsync("Enter");
        var focused = await page.EvaluateAsync<string>("document.activeElement.id");
        Assert.Equal("main", focused);
    }

    [Fact]
    public async Task The_language_switcher_works_with_the_keyboard_alone()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/en/account/login");

        await page.Locator("summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Link, new() { Name = "български" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync("**/bg/account/login");
        Assert.Equal("bg", await page.Locator("html").GetAttributeAsync("lang"));
    }

    [Fact]
    public async Task A_visitor_finds_koln_typed_without_its_umlaut_and_opens_its_partners()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/en/directory");

        await page.GetByLabel("Name").FillAsync("koln");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Köln", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Köln");
        await page.GetByRole(AriaRole.Link, new() { Name = "Thessaloníki" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Thessaloníki");
        await BrowserFixture.AssertAccessibleAsync(page);
    }
}
