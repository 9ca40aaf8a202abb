using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Domain.Directory;
using Twinning.Domain.Matching;
using Twinning.Domain.Requests;
using Twinning.Infrastructure.Data;
using Twinning.Web.Features.Directory;
using Twinning.Web.Features.Matching;
using Twinning.Web.Tests.Requests;

namespace Twinning.Web.Tests.Matching;

/// <summary>
/// A small Europe around town A (Neustadt, DE): a French town of its size, a distant Polish city, a
/// Spanish town and an existing partner. Suggestions, candidates and "why not higher?" through the API
/// and the pages, in several languages, with the authorization matrix.
/// </summary>
public sealed class MatchingWorld : RequestWorld
{
    public int SimilarFr { get; private set; }
    public int BigPl { get; private set; }
    public int FarEs { get; private set; }
    public int Partner { get; private set; }
    public int Outside { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        SimilarFr = await CreateTownAsync("Bonneville", "FR", 13_000, 46.08, 6.40);
        BigPl = await CreateTownAsync("Wrocław", "PL", 640_000, 51.11, 17.03);
        FarEs = await CreateTownAsync("Écija", "ES", 40_000, 37.54, -5.08);
        Partner = await CreateTownAsync("Oberstadt", "AT", 11_000, 47.3, 11.4);
        Outside = await WithServiceAsync(async sp =>
        {
            var db = sp.GetRequiredService<TwinningDbContext>();
            var town = Organisation.FromGeoNames(Random.Shared.Next(100_000_000, int.MaxValue), "Faraway", "US", null, 12_000, 40.0, -75.0, false, DateTimeOffset.UtcNow);
            db.Organisations.Add(town);
            await db.SaveChangesAsync();
            db.TwinningLinks.Add(new TwinningLink(TownA, Partner, LinkType.Twinning, LinkStatus.Active, LinkSource.KnownLinks, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            return town.Id;
        });
        await ReloadAsync();
    }

    public async Task ReloadAsync()
    {
        await Services.GetRequiredService<DirectoryIndexLoader>().ReloadAsync();
        await Services.GetRequiredService<MatchingIndexLoader>().ReloadAsync();
    }
}

public sealed class MatchingTests(MatchingWorld world) : IClassFixture<MatchingWorld>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Reason(string Code, string Text, double Share);

    private sealed record Suggestion(int Id, int? GeonamesId, string Name, string CountryCode, string? Band, double Score, List<Reason> Reasons);

    private async Task<List<Suggestion>> GetAsync(HttpClient client, string url, string language = "en")
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, url);
        message.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(message);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<List<Suggestion>>(Json))!;
    }

    [Fact]
    public async Task Suggestions_answer_anyone_best_first_without_the_town_itself_its_partners_or_places_outside_Europe()
    {
        var suggestions = await GetAsync(world.CreateBrowserlikeClient(), $"/api/v1/organisations/{world.TownA}/suggestions?top=10");

        Assert.NotEmpty(suggestions);
        Assert.DoesNotContain(suggestions, s => s.Id == world.TownA || s.Id == world.Partner || s.Id == world.Outside);
        Assert.Equal(suggestions.OrderByDescending(s => s.Score).Select(s => s.Id), suggestions.Select(s => s.Id));
        Assert.All(suggestions, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Name));
            Assert.Equal(2, s.CountryCode.Length);
            Assert.InRange(s.Reasons.Sum(r => r.Share), 0, 1.0001);
            Assert.All(s.Reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.Text)));
        });
        // A town of the same size ranks above a city fifty times larger.
        Assert.True(suggestions.FindIndex(s => s.Id == world.SimilarFr) < suggestions.FindIndex(s => s.Id == world.BigPl));
        Assert.Contains(suggestions.Single(s => s.Id == world.SimilarFr).Reasons, r => r.Code == "similarSize");
        // Too few known links to learn from here: the prior stays neutral and is not given as a reason.
        Assert.DoesNotContain(suggestions.SelectMany(s => s.Reasons), r => r.Code == "knownPattern");
    }

    [Fact]
    public async Task Reasons_are_worded_in_the_callers_language()
    {
        var client = world.CreateBrowserlikeClient();
        var english = (await GetAsync(client, $"/api/v1/organisations/{world.TownA}/suggestions", "en")).Single(s => s.Id == world.SimilarFr);
        var german = (await GetAsync(client, $"/api/v1/organisations/{world.TownA}/suggestions", "de")).Single(s => s.Id == world.SimilarFr);

        Assert.Equal(english.Reasons.Select(r => r.Code), german.Reasons.Select(r => r.Code));
        Assert.NotEqual(english.Reasons.Select(r => r.Text), german.Reasons.Select(r => r.Text));
        // Both towns are under 50,000: the shared band is named as German pages name it.
        Assert.Contains(german.Reasons, r => r.Text.Contains("Sehr klein", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("top=0")]
    [InlineData("top=201")]
    [InlineData("top=abc")]
    public async Task A_top_outside_1_to_200_is_a_clear_400(string query)
    {
        using var response = await world.CreateBrowserlikeClient().GetAsync($"/api/v1/organisations/{world.TownA}/suggestions?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("top", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_organisation_is_404()
    {
        using var response = await world.CreateBrowserlikeClient().GetAsync("/api/v1/organisations/999999999/suggestions");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_requests_candidates_honour_its_wanted_countries_and_are_for_its_officers_and_admins_only()
    {
        var id = await CreateRequestAsync(["FR", "ES"], [], DistancePreference.Far);

        var owner = await GetAsync(await world.ClientAsync(RequestWorld.OfficerA), $"/api/v1/requests/{id}/candidates");
        Assert.Equal(new[] { world.FarEs, world.SimilarFr, world.TownB }.Order(), owner.Select(s => s.Id).Order());
        // Asked for far partners: Écija (1,700 km) before Bonneville (450 km), and says so.
        Assert.True(owner.FindIndex(s => s.Id == world.FarEs) < owner.FindIndex(s => s.Id == world.SimilarFr));
        Assert.Contains(owner.Single(s => s.Id == world.FarEs).Reasons, r => r.Code == "far");
        Assert.Equal(owner.Select(s => s.Id), (await GetAsync(await world.ClientAsync(RequestWorld.Admin), $"/api/v1/requests/{id}/candidates")).Select(s => s.Id));

        using var anonymous = await world.CreateBrowserlikeClient().GetAsync($"/api/v1/requests/{id}/candidates");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var officerB = await (await world.ClientAsync(RequestWorld.OfficerB)).GetAsync($"/api/v1/requests/{id}/candidates");
        Assert.Equal(HttpStatusCode.NotFound, officerB.StatusCode);
        using var validator = await (await world.ClientAsync(RequestWorld.ValidatorFr)).GetAsync($"/api/v1/requests/{id}/candidates");
        Assert.Equal(HttpStatusCode.NotFound, validator.StatusCode);
    }

    [Fact]
    public async Task A_town_whose_open_request_welcomes_us_gets_the_two_sided_reason_and_the_two_requests_fit_each_other()
    {
        // Town B (Saint-Amand, FR) looks for small German towns; town A looks for French ones.
        var theirs = await CreateRequestAsync(["DE"], [PopulationBand.VerySmall, PopulationBand.Small], organisationId: world.TownB);
        var ours = await CreateRequestAsync(["FR"], []);
        await world.ReloadAsync();

        var suggestions = await GetAsync(world.CreateBrowserlikeClient(), $"/api/v1/organisations/{world.TownA}/suggestions?top=50");
        Assert.Contains(suggestions.Single(s => s.Id == world.TownB).Reasons, r => r.Code == "theyLookForYou");

        var page = await world.CreateBrowserlikeClient().GetStringAsync($"/en/requests/details/{ours}");
        Assert.Contains("Requests that fit this one", page, StringComparison.Ordinal);
        Assert.Contains($"/en/requests/details/{theirs}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_instance_ranks_alike_after_a_change_made_through_another()
    {
        await using var second = new Notifications.SecondInstanceFactory(world.ConnectionString);
        _ = second.Server;
        var id = await world.CreateTownAsync("Neuberg", "DE", 12_500, 49.0, 9.0);
        await second.Services.GetRequiredService<DirectoryIndexLoader>().ReloadAsync();
        await second.Services.GetRequiredService<MatchingIndexLoader>().ReloadAsync();

        var here = await GetAsync(world.CreateBrowserlikeClient(), $"/api/v1/organisations/{world.TownA}/suggestions?top=20");
        var there = await GetAsync(second.CreateClient(), $"/api/v1/organisations/{world.TownA}/suggestions?top=20");
        Assert.Contains(there, s => s.Id == id);
        Assert.Equal(here.Select(s => (s.Id, s.Score)), there.Select(s => (s.Id, s.Score)));
    }

    [Fact]
    public async Task The_suggestions_page_re_ranks_by_the_chosen_filters_and_explains_any_candidate()
    {
        var client = world.CreateBrowserlikeClient();
        var page = await client.GetStringAsync($"/en/matching/suggestions/{world.TownA}");
        Assert.Contains("Possible partners for Neustadt an der Aisch", page, StringComparison.Ordinal);
        Assert.Contains("Bonneville", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">Oberstadt<", page, StringComparison.Ordinal);

        var onlySpain = await client.GetStringAsync($"/en/matching/suggestions/{world.TownA}?set=true&country=ES");
        Assert.Contains("Écija", System.Net.WebUtility.HtmlDecode(onlySpain), StringComparison.Ordinal);
        Assert.DoesNotContain(">Bonneville<", onlySpain, StringComparison.Ordinal);

        var why = await client.GetStringAsync($"/en/matching/why/{world.TownA}?candidate={world.BigPl}");
        Assert.Contains("Why Wrocław ranks where it does", System.Net.WebUtility.HtmlDecode(why), StringComparison.Ordinal);
        Assert.Contains("Compared with the first suggestion", why, StringComparison.Ordinal);

        var partner = await client.GetStringAsync($"/en/matching/why/{world.TownA}?name=Oberstadt");
        Assert.Contains("Oberstadt is already a partner", partner, StringComparison.Ordinal);
        var unknown = await client.GetStringAsync($"/el/matching/why/{world.TownA}?name=Zzyzx");
        Assert.DoesNotContain("No organisation of that name", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_sees_towns_they_could_twin_with_on_their_profile()
    {
        var officer = await (await world.ClientAsync(RequestWorld.OfficerA)).GetStringAsync($"/en/directory/profile/{world.TownA}");
        Assert.Contains("Towns you could twin with", officer, StringComparison.Ordinal);
        var visitor = await world.CreateBrowserlikeClient().GetStringAsync($"/en/directory/profile/{world.TownA}");
        Assert.Contains("Possible partners", visitor, StringComparison.Ordinal);
        Assert.Contains($"/en/matching/suggestions/{world.TownA}", visitor, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, HttpStatusCode> Matrix() => new()
    {
        { "anonymous", "/en/matching/suggestions/{A}", HttpStatusCode.OK },
        { "anonymous", "/en/matching/why/{A}?candidate={B}", HttpStatusCode.OK },
        { "anonymous", "/en/matching/candidates/{request}", HttpStatusCode.Redirect },
        { "anonymous", "/en/matching/candidatewhy/{request}?candidate={B}", HttpStatusCode.Redirect },
        { RequestWorld.OfficerA, "/en/matching/candidates/{request}", HttpStatusCode.OK },
        { RequestWorld.OfficerA, "/en/matching/candidatewhy/{request}?candidate={B}", HttpStatusCode.OK },
        { RequestWorld.OfficerB, "/en/matching/candidates/{request}", HttpStatusCode.NotFound },
        { RequestWorld.OfficerB, "/en/matching/candidatewhy/{request}?candidate={B}", HttpStatusCode.NotFound },
        { RequestWorld.OfficerB, "/en/matching/suggestions/{A}", HttpStatusCode.OK },
        { RequestWorld.ValidatorFr, "/en/matching/candidates/{request}", HttpStatusCode.NotFound },
        { RequestWorld.ValidatorFr, "/en/matching/candidatewhy/{request}?candidate={B}", HttpStatusCode.NotFound },
        { RequestWorld.Admin, "/en/matching/candidates/{request}", HttpStatusCode.OK },
        { RequestWorld.Admin, "/en/matching/candidatewhy/{request}?candidate={B}", HttpStatusCode.OK },
        { "anonymous", "/api/v1/organisations/{A}/suggestions", HttpStatusCode.OK },
        { RequestWorld.OfficerB, "/api/v1/requests/{request}/candidates", HttpStatusCode.NotFound },
        { RequestWorld.Admin, "/api/v1/requests/{request}/candidates", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Authorization_matrix(string who, string path, HttpStatusCode expected)
    {
        var request = await CreateRequestAsync([], []);
        var client = await world.ClientAsync(who);
        var url = path.Replace("{A}", world.TownA.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{B}", world.TownB.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{request}", request.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        using var response = await client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
            Assert.Contains("/en/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private Task<int> CreateRequestAsync(string[] countries, PopulationBand[] bands, DistancePreference distance = DistancePreference.Any, int? organisationId = null) =>
        world.WithServiceAsync(async sp =>
        {
            var db = sp.GetRequiredService<TwinningDbContext>();
            var owner = organisationId ?? world.TownA;
            var country = await db.Organisations.Where(o => o.Id == owner).Select(o => o.CountryCode).SingleAsync();
            var request = new PartnerRequest(owner, country, "seed", new RequestContent(RequestPurpose.NewTwinning,
                [new RequestText("en", "Partner wanted " + Guid.NewGuid().ToString("N")[..6], "We look for a partner town.")], countries, bands, [], ["en"], null, null, distance),
                DateTimeOffset.UtcNow);
            request.Submit(DateTimeOffset.UtcNow);
            request.Validate("seed-validator", DateTimeOffset.UtcNow);
            db.Requests.Add(request);
            await db.SaveChangesAsync();
            return request.Id;
        });
}
