using System.Net;
using System.Text.Json;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Organisations;

public sealed class OrganisationsApiTests(DirectoryFactory factory) : IClassFixture<DirectoryFactory>
{
    private static readonly string[] GermanSpeaking = ["DE", "AT"];

    [Fact]
    public async Task An_organisation_is_found_by_its_geonames_id_with_every_documented_field()
    {
        var client = factory.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/organisations/by-geonames/3094802"));
        var root = json.RootElement;

        Assert.Equal(3094802, root.GetProperty("geonamesId").GetInt32());
        Assert.Equal("Kraków", root.GetProperty("name").GetString());
        Assert.Equal("PL", root.GetProperty("countryCode").GetString());
        Assert.Equal("Municipality", root.GetProperty("kind").GetString());
        Assert.Equal("Metropolitan", root.GetProperty("band").GetString());
        Assert.True(root.GetProperty("population").GetInt64() > 700_000);
        Assert.InRange(root.GetProperty("latitude").GetDouble(), 50, 50.1);
        Assert.InRange(root.GetProperty("longitude").GetDouble(), 19.9, 20);
        Assert.False(root.GetProperty("verified").GetBoolean());

        var id = root.GetProperty("id").GetInt32();
        using var byId = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/organisations/{id}"));
        Assert.Equal("Kraków", byId.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Search_filters_by_name_country_and_band_and_pages()
    {
        var client = factory.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/organisations?country=DE&country=AT&band=LargeMetropolitan&pageSize=5"));

        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, json.RootElement.GetProperty("total").GetInt32()); // Berlin, Hamburg, Wien (München is 1.26 million in GeoNames)
        Assert.All(items, i => Assert.Contains(i.GetProperty("countryCode").GetString(), GermanSpeaking));
        Assert.Contains(items, i => i.GetProperty("name").GetString() == "Berlin");
    }

    [Theory]
    [InlineData("/api/v1/organisations/by-geonames/1")]
    [InlineData("/api/v1/organisations/0")]
    public async Task Unknown_organisations_are_404(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/organisations?band=Huge")]
    [InlineData("/api/v1/organisations?pageSize=1000")]
    [InlineData("/api/v1/organisations?page=0")]
    public async Task Bad_parameters_are_a_400_problem_that_names_the_parameter(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_api_is_described_by_an_openapi_document()
    {
        using var json = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));

        var paths = json.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/organisations", out _));
        Assert.True(paths.TryGetProperty("/api/v1/organisations/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/v1/organisations/by-geonames/{geonamesId}", out _));
        var suggestions = paths.GetProperty("/api/v1/organisations/{id}/suggestions").GetProperty("get");
        Assert.Contains(suggestions.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "top");
        Assert.True(suggestions.GetProperty("responses").TryGetProperty("200", out _));
        Assert.True(paths.GetProperty("/api/v1/requests/{id}/candidates").GetProperty("get").GetProperty("responses").TryGetProperty("401", out _));
        Assert.True(json.RootElement.GetProperty("components").GetProperty("schemas").TryGetProperty("SuggestionDto", out _));
    }
}
