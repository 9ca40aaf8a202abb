using System.Net;
using System.Text.RegularExpressions;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Organisations;

public sealed partial class DirectoryPageTests(DirectoryFactory factory) : IClassFixture<DirectoryFactory>
{
    [Theory]
    [InlineData("koln", "Köln")]
    [InlineData("krakow", "Kraków")]
    [InlineData("thessaloniki", "Thessaloníki")]
    [InlineData("THESALONIKI", "Thessaloníki")]
    public async Task Searching_a_name_without_accents_or_with_a_typo_finds_the_town_first(string query, string expected)
    {
        var client = factory.CreateBrowserlikeClient();

        var html = await client.GetPageAsync($"/en/directory?q={query}");

        Assert.Equal(expected, WebUtility.HtmlDecode(FirstResult().Match(html).Groups[1].Value));
    }

    [Fact]
    public async Task A_profile_shows_the_towns_facts_map_and_known_partners_in_the_readers_language()
    {
        var client = factory.CreateBrowserlikeClient();
        var search = await client.GetPageAsync("/el/directory?q=koln");
        var profile = FirstResultLink().Match(search).Groups[1].Value;

        var html = await client.GetPageAsync(profile);

        Assert.Contains("<h1>", html, StringComparison.Ordinal);
        Assert.Contains("Köln", html, StringComparison.Ordinal);
        Assert.Contains("Γερμανία", html, StringComparison.Ordinal);
        Assert.Contains("Thessaloníki", html, StringComparison.Ordinal);
        Assert.Contains("<circle", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/map/europe.svg\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("@", html.Replace("@media", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_combine_country_band_and_kind()
    {
        var client = factory.CreateBrowserlikeClient();

        var html = await client.GetPageAsync("/en/directory?country=MT&band=VerySmall&kind=Municipality&sort=Name");

        Assert.Contains("Attard", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Köln</a>", html, StringComparison.Ordinal);
        var count = int.Parse(CountPattern().Match(html).Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(count, 20, 80);
    }

    [Fact]
    public async Task Sorting_by_distance_from_a_town_lists_its_neighbours_first()
    {
        var client = factory.CreateBrowserlikeClient();
        var search = await client.GetPageAsync("/en/directory?q=bonn&country=DE");
        var id = FirstResultLink().Match(search).Groups[1].Value.Split('/').Last();

        var html = await client.GetPageAsync($"/en/directory?near={id}&sort=Distance");

        Assert.Contains("0 km away", html, StringComparison.Ordinal);
        Assert.Contains("Distance from Bonn", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_europe_map_is_served_as_a_cacheable_svg()
    {
        var client = factory.CreateBrowserlikeClient();

        var response = await client.GetAsync("/map/europe.svg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.CacheControl?.MaxAge);
        Assert.StartsWith("<svg", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_profile_is_a_localized_404()
    {
        var client = factory.CreateBrowserlikeClient();

        var response = await client.GetAsync("/de/directory/profile/999999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<html lang=\"de\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nonsense_filter_values_are_ignored_not_a_crash()
    {
        var client = factory.CreateBrowserlikeClient();

        var response = await client.GetAsync("/en/directory?band=Huge&theme=abc&page=-3&near=x");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [GeneratedRegex("<a class=\"fw-semibold\" href=\"[^\"]+\">([^<]+)</a>")]
    private static partial Regex FirstResult();

    [GeneratedRegex("<a class=\"fw-semibold\" href=\"([^\"]+)\">")]
    private static partial Regex FirstResultLink();

    [GeneratedRegex("id=\"results-title\" role=\"status\">([0-9,]+) organisations found")]
    private static partial Regex CountPattern();
}
