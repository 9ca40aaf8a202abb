using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using OtpNet;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Browser.Tests;

/// <summary>
/// The platform on real Kestrel (its own PostgreSQL database and SMTP server) and one headless
/// Chromium, shared by the browser tests of a class.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public TwinningFactory Factory { get; } = new DirectoryFactory();

    /// <summary>Köln's profile page path without the culture ("directory/profile/123").</summary>
    public string KolnProfile { get; private set; } = string.Empty;

    public int KolnId { get; private set; }

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Factory.UseKestrel(0);
        Factory.StartServer();
        BaseUrl = Factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        using (var http = new HttpClient { BaseAddress = new Uri(BaseUrl) })
        {
            using var koln = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/api/v1/organisations/by-geonames/2886242"));
            KolnId = koln.RootElement.GetProperty("id").GetInt32();
            KolnProfile = $"directory/profile/{KolnId}";
        }

        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium package (test.sh does).");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // The machine has no network but loopback: keep Chromium from calling home.
            Args = ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--disable-gpu"],
        });
    }

    public async Task<IPage> NewPageAsync(string? locale = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale ?? "en-GB", BaseURL = BaseUrl });
        return await context.NewPageAsync();
    }

    public Task<string> CreateTwoFactorUserAsync(string email, params string[] roles) => Factory.CreateTwoFactorUserAsync(email, roles);

    public static string Totp(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();

    public static async Task LogInAsync(IPage page, string email, string? authenticatorKey = null)
    {
        await page.GotoAsync("/en/account/login");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(TwinningFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        if (authenticatorKey is not null)
        {
            await page.GetByLabel("Code from your authenticator app").FillAsync(Totp(authenticatorKey));
            await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        }
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    /// <summary>
    /// Opens the page (it must answer 200 and not send to the login page), opens every closed
    /// <c>&lt;details&gt;</c> in the main content (filters, report and hide forms) so that axe checks what is
    /// inside too, and runs axe.
    /// </summary>
    public static async Task AssertPageAccessibleAsync(IPage page, string url)
    {
        var response = await page.GotoAsync(url);
        Assert.Equal(200, response!.Status);
        Assert.DoesNotContain("/account/", page.Url, StringComparison.Ordinal);
        await AssertOpenAccessibleAsync(page);
    }

    /// <summary>Axe on the current page with every closed section of the main content opened.</summary>
    public static async Task AssertOpenAccessibleAsync(IPage page)
    {
        await page.EvalOnSelectorAllAsync("main details", "elements => elements.forEach(e => e.open = true)");
        await AssertAccessibleAsync(page);
    }

    /// <summary>Runs axe with the WCAG 2.1 A and AA rules and fails with every violation spelled out.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var violations = result.Violations
            .Select(v => $"{v.Id}: {v.Help} at {string.Join(" | ", v.Nodes.Select(n => n.Html))}")
            .ToList();
        Assert.True(violations.Count == 0, $"{page.Url}\n" + string.Join("\n", violations));
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.CloseAsync();
        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}
