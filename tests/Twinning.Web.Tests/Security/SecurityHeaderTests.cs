using System.Text.RegularExpressions;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Security;

public sealed partial class SecurityHeaderTests(TwinningFactory factory) : IClassFixture<TwinningFactory>
{
    [Fact]
    public async Task Pages_carry_a_nonce_based_content_security_policy_without_unsafe_inline()
    {
        var client = factory.CreateBrowserlikeClient();

        var response = await client.GetAsync("/en");
        var html = await response.Content.ReadAsStringAsync();

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        var nonce = NoncePattern().Match(csp).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"nonce=\"{nonce}\"", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain("style=\"", html, StringComparison.Ordinal);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Each_response_gets_a_new_nonce()
    {
        var client = factory.CreateBrowserlikeClient();

        var first = string.Join(";", (await client.GetAsync("/en")).Headers.GetValues("Content-Security-Policy"));
        var second = string.Join(";", (await client.GetAsync("/en")).Headers.GetValues("Content-Security-Policy"));

        Assert.NotEqual(NoncePattern().Match(first).Value, NoncePattern().Match(second).Value);
    }

    [Fact]
    public async Task Https_responses_ask_browsers_to_stay_on_https_for_a_year()
    {
        var client = factory.CreateClient(new() { BaseAddress = new Uri("https://twinning.example"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/en");

        Assert.Contains("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cookies_are_http_only_and_same_site()
    {
        var client = factory.CreateBrowserlikeClient();

        var response = await client.GetAsync("/en/account/login");

        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c =>
        {
            Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite", c, StringComparison.OrdinalIgnoreCase);
        });
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NoncePattern();
}
