using System.Net;
using System.Net.Http.Headers;
using Twinning.Domain.Localization;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Localization;

public sealed class LanguageTests(TwinningFactory factory) : IClassFixture<TwinningFactory>
{
    public static TheoryData<string> Cultures => new(SupportedCultures.Codes);

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task The_home_page_is_served_in_each_of_the_24_languages(string culture)
    {
        var client = factory.CreateBrowserlikeClient();

        var html = await client.GetPageAsync($"/{culture}");

        Assert.Contains($"<html lang=\"{culture}\"", html, StringComparison.Ordinal);
        foreach (var other in SupportedCultures.Codes)
            Assert.Contains($"hreflang=\"{other}\" href=\"http://localhost/{other}/\"", html, StringComparison.Ordinal);
        Assert.Contains("hreflang=\"x-default\"", html, StringComparison.Ordinal);
        if (culture != "en")
            Assert.DoesNotContain("Find a partner town and work together across Europe", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de-AT,de;q=0.9,en;q=0.5", "/de/")]
    [InlineData("pt-BR", "/pt/")]
    [InlineData("ja,zh;q=0.8", "/en/")]
    [InlineData("en;q=0.3,el;q=0.9", "/el/")]
    public async Task A_first_visit_is_sent_to_the_browsers_language(string acceptLanguage, string expected)
    {
        var client = factory.CreateBrowserlikeClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Location());
    }

    [Fact]
    public async Task The_language_last_chosen_is_remembered_over_the_browsers()
    {
        var client = factory.CreateBrowserlikeClient();
        await client.GetPageAsync("/fi/account/login");

        var request = new HttpRequestMessage(HttpMethod.Get, "/account/register");
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("de"));
        var response = await client.SendAsync(request);

        Assert.Equal("/fi/account/register", response.Location());
    }

    [Fact]
    public async Task The_switcher_links_to_the_same_page_in_every_language()
    {
        var client = factory.CreateBrowserlikeClient();

        var html = await client.GetPageAsync("/sv/account/forgotpassword");

        Assert.Contains("<a href=\"/el/account/forgotpassword\" hreflang=\"el\" lang=\"el\"", html, StringComparison.Ordinal);
        Assert.Contains("Ελληνικά", html, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"true\">svenska", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_language_code_is_not_found()
    {
        var client = factory.CreateBrowserlikeClient();

        var response = await client.GetAsync("/xx/account/login");
        Assert.Equal("/en/xx/account/login", response.Location());
        var followed = await client.GetAsync(response.Location());

        Assert.Equal(HttpStatusCode.NotFound, followed.StatusCode);
    }
}
