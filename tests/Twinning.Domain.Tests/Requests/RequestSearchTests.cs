using Twinning.Domain.Directory;
using Twinning.Domain.Requests;

namespace Twinning.Domain.Tests.Requests;

public sealed class RequestSearchTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private static RequestListing Listing(int id, string title, string description, string country = "FR", RequestPurpose purpose = RequestPurpose.NewTwinning,
        int[]? themes = null, string[]? languages = null, DateOnly? deadline = null, string language = "fr", PopulationBand band = PopulationBand.Small,
        string[]? wantedCountries = null, PopulationBand[]? wantedBands = null) =>
        new(id, 100 + id, "Town " + id, country, band, purpose, [new RequestText(language, title, description)], wantedCountries ?? [], wantedBands ?? [],
            themes ?? [], languages ?? [], deadline, Now.AddDays(id));

    private static readonly RequestListing[] Requests =
    [
        Listing(1, "Échange de jeunes", "Nous cherchons une commune pour un échange d'été.", themes: [1], languages: ["fr", "en"]),
        Listing(2, "Städtepartnerschaft gesucht", "Eine Kleinstadt in Bayern sucht Partner für Kultur.", country: "DE", language: "de", themes: [2], deadline: new DateOnly(2026, 12, 31)),
        Listing(3, "Energy transition consortium", "Partners for a Horizon call on energy.", country: "NL", purpose: RequestPurpose.JointProject, language: "en", themes: [3], languages: ["en"], deadline: new DateOnly(2026, 12, 1)),
    ];

    [Theory]
    [InlineData("echange", 1)]
    [InlineData("ÉCHANGE D'ÉTÉ", 1)]
    [InlineData("stadtepartnerschaft", 2)]
    [InlineData("bayern kultur", 2)]
    [InlineData("horizon", 3)]
    public void Text_search_finds_words_in_any_language_without_accents_or_case(string text, int expected)
    {
        var page = RequestSearch.Search(Requests, new RequestQuery { Text = text }, 1);
        Assert.Equal([expected], page.Items.Select(r => r.Id));
    }

    [Fact]
    public void Every_word_must_appear()
    {
        Assert.Empty(RequestSearch.Search(Requests, new RequestQuery { Text = "energy bayern" }, 1).Items);
    }

    [Fact]
    public void Filters_combine_and_each_accepts_several_values()
    {
        var query = new RequestQuery { Countries = ["DE", "NL"], Purposes = [RequestPurpose.JointProject] };
        Assert.Equal([3], RequestSearch.Search(Requests, query, 1).Items.Select(r => r.Id));
        Assert.Equal([2, 1], RequestSearch.Search(Requests, new RequestQuery { Themes = [1, 2] }, 1).Items.Select(r => r.Id));
        Assert.Equal([3, 1], RequestSearch.Search(Requests, new RequestQuery { Languages = ["en"] }, 1).Items.Select(r => r.Id));
    }

    [Fact]
    public void Open_on_keeps_requests_without_deadline_or_with_a_later_one()
    {
        var page = RequestSearch.Search(Requests, new RequestQuery { OpenOn = new DateOnly(2026, 12, 15) }, 1);
        Assert.Equal([2, 1], page.Items.Select(r => r.Id));
    }

    [Fact]
    public void Results_are_newest_first_and_paged()
    {
        var many = Enumerable.Range(1, 45).Select(i => Listing(i, "Title " + i, "Description")).ToList();
        var page = RequestSearch.Search(many, new RequestQuery(), 3);
        Assert.Equal(45, page.Total);
        Assert.Equal(3, page.PageCount);
        Assert.Equal([5, 4, 3, 2, 1], page.Items.Select(r => r.Id));
        Assert.Equal(1, RequestSearch.Search(many, new RequestQuery(), -4).Page);
    }

    [Fact]
    public void Fit_lists_each_criterion_the_request_sets_and_whether_the_organisation_meets_it()
    {
        var request = Listing(9, "t", "d", wantedCountries: ["DE", "AT"], wantedBands: [PopulationBand.Small], themes: [4], languages: ["de"]);
        var town = new DirectoryEntry(5, 1, "Ried", "ried", OrganisationKind.Municipality, "AT", null, 12_000, PopulationBand.Small, 48, 13, true, true, [4, 5], ["en"]);

        var checks = RequestFit.Check(request, town);
        Assert.Equal(
            [new FitCheck(FitCriterion.Country, true), new FitCheck(FitCriterion.Band, true), new FitCheck(FitCriterion.Themes, true), new FitCheck(FitCriterion.Languages, false)],
            checks);
        Assert.False(RequestFit.Fits(request, town));
        Assert.Empty(RequestFit.Check(Listing(10, "t", "d"), town));
        // Countries and sizes are what a request accepts; themes and languages only rank.
        Assert.True(RequestFit.Accepts(request, town));
        Assert.False(RequestFit.Accepts(request, town with { CountryCode = "FR" }));
        Assert.False(RequestFit.Accepts(request, town with { Band = PopulationBand.Medium }));
    }
}
