using Twinning.Domain.Directory;

namespace Twinning.Domain.Tests.Directory;

public sealed class DirectorySearchIndexTests
{
    private static DirectoryEntry Town(int id, string name, string country, long population, double lat, double lon,
        bool verified = false, bool inScope = true, int[]? themes = null, string[]? languages = null) =>
        new(id, 1000 + id, name, SearchText.Normalize(name), OrganisationKind.Municipality, country, null, population,
            PopulationBands.Classify(population), lat, lon, inScope, verified, themes ?? [], languages ?? []);

    private static readonly DirectorySearchIndex Index = new(
    [
        Town(1, "Köln", "DE", 963_395, 50.93, 6.95, themes: [1]),
        Town(2, "Bonn", "DE", 313_125, 50.73, 7.10, verified: true, languages: ["de", "fr"]),
        Town(3, "Kalamata", "GR", 54_567, 37.04, 22.11, themes: [1, 2]),
        Town(4, "Thessaloníki", "GR", 354_290, 40.64, 22.93),
        Town(5, "Kraków", "PL", 755_050, 50.06, 19.94),
        Town(6, "Neukölln", "DE", 329_691, 52.48, 13.44),
        Town(7, "Indianapolis", "US", 867_125, 39.77, -86.16, inScope: false),
        Town(8, "Mosta", "MT", 19_750, 35.91, 14.43, languages: ["mt", "en"]),
    ]);

    [Fact]
    public void A_name_typed_without_accents_finds_the_town_first()
    {
        var page = Index.Search(new DirectoryQuery { Text = "koln" });

        Assert.Equal(["Köln"], page.Hits.Select(h => h.Entry.Name));
    }

    [Fact]
    public void Filters_combine_and_within_one_filter_any_value_counts()
    {
        var page = Index.Search(new DirectoryQuery
        {
            Countries = new HashSet<string> { "DE", "GR" },
            Bands = new HashSet<PopulationBand> { PopulationBand.Medium },
        });

        Assert.Equal([2, 4, 6], page.Hits.Select(h => h.Entry.Id).Order());
    }

    [Fact]
    public void Themes_languages_and_verification_filter_too()
    {
        Assert.Equal([1, 3], Index.Search(new DirectoryQuery { Themes = new HashSet<int> { 1 } }).Hits.Select(h => h.Entry.Id).Order());
        Assert.Equal([2], Index.Search(new DirectoryQuery { Languages = new HashSet<string> { "fr" } }).Hits.Select(h => h.Entry.Id));
        Assert.Equal([2], Index.Search(new DirectoryQuery { VerifiedOnly = true }).Hits.Select(h => h.Entry.Id));
    }

    [Fact]
    public void Places_outside_the_platforms_countries_appear_only_when_asked_for()
    {
        Assert.DoesNotContain(Index.Search(new DirectoryQuery()).Hits, h => h.Entry.Id == 7);
        Assert.Contains(Index.Search(new DirectoryQuery { IncludeOutOfScope = true, PageSize = 100 }).Hits, h => h.Entry.Id == 7);
    }

    [Fact]
    public void Sorting_by_distance_puts_the_nearest_first_and_says_how_far()
    {
        var page = Index.Search(new DirectoryQuery { Sort = DirectorySort.Distance, Near = (50.93, 6.95) });

        Assert.Equal([1, 2], page.Hits.Take(2).Select(h => h.Entry.Id));
        Assert.InRange(page.Hits[1].DistanceKm!.Value, 20, 30);
    }

    [Fact]
    public void Sorting_by_population_puts_the_largest_first() =>
        Assert.Equal(1, Index.Search(new DirectoryQuery { Sort = DirectorySort.PopulationDescending }).Hits[0].Entry.Id);

    [Fact]
    public void Pages_split_the_results_and_keep_the_total()
    {
        var first = Index.Search(new DirectoryQuery { PageSize = 3, Sort = DirectorySort.Name });
        var third = Index.Search(new DirectoryQuery { PageSize = 3, Page = 3, Sort = DirectorySort.Name });

        Assert.Equal(7, first.Total);
        Assert.Equal(3, first.PageCount);
        Assert.Single(third.Hits);
    }

    [Fact]
    public void Towns_are_found_by_id_and_by_geonames_id()
    {
        Assert.Equal("Bonn", Index.Find(2)?.Name);
        Assert.Equal("Bonn", Index.FindByGeoNamesId(1002)?.Name);
        Assert.Null(Index.FindByGeoNamesId(42));
    }
}
