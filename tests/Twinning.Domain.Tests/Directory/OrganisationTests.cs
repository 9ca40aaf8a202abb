using Twinning.Domain.Directory;

namespace Twinning.Domain.Tests.Directory;

public sealed class OrganisationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_town_from_geonames_gets_its_band_and_search_name()
    {
        var town = Organisation.FromGeoNames(2886242, "Köln", "de", "07", 963_395, 50.93, 6.95, true, Now);

        Assert.Equal("DE", town.CountryCode);
        Assert.Equal("koln", town.SearchName);
        Assert.Equal(PopulationBand.Metropolitan, town.Band);
        Assert.Equal(OrganisationKind.Municipality, town.Kind);
    }

    [Fact]
    public void Editing_the_profile_replaces_texts_themes_and_languages_and_counts_a_revision()
    {
        var town = Organisation.FromGeoNames(1, "Mosta", "MT", null, 19_750, 35.9, 14.4, true, Now);
        var stamp = town.ConcurrencyStamp;

        town.EditProfile(new Dictionary<string, string> { ["en"] = "A town.", ["mt"] = "Belt." }, [1, 2, 2], ["MT", "en"], Now);
        town.EditProfile(new Dictionary<string, string> { ["mt"] = "Belt sabiħa." }, [2], ["mt"], Now);

        Assert.Equal(["mt"], town.Descriptions.Select(d => d.Language));
        Assert.Equal("Belt sabiħa.", town.Descriptions.Single().Text);
        Assert.Equal([2], town.Themes.Select(t => t.ThemeId));
        Assert.Equal(["mt"], town.WorkingLanguages);
        Assert.Equal(2, town.Revision);
        Assert.NotEqual(stamp, town.ConcurrencyStamp);
    }

    [Theory]
    [InlineData("D")]
    [InlineData("DEU")]
    [InlineData("1A")]
    public void A_country_is_a_two_letter_code(string code) =>
        Assert.Throws<ArgumentException>(() => new Organisation(OrganisationKind.Region, "Somewhere", code, Now));

    [Fact]
    public void A_link_is_stored_once_whichever_side_records_it()
    {
        var one = new TwinningLink(9, 4, LinkType.Friendship, LinkStatus.Active, LinkSource.Officer, Now);

        Assert.Equal((4, 9), (one.OrganisationAId, one.OrganisationBId));
        Assert.Equal(9, one.PartnerOf(4));
        Assert.Throws<ArgumentException>(() => new TwinningLink(3, 3, LinkType.Twinning, LinkStatus.Active, LinkSource.Officer, Now));
    }

    [Fact]
    public void Distances_follow_the_great_circle() =>
        Assert.InRange(Geo.DistanceKm(50.93, 6.95, 40.64, 22.93), 1_600, 1_700);
}
