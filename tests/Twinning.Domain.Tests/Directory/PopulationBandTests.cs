using Twinning.Domain.Directory;

namespace Twinning.Domain.Tests.Directory;

public sealed class PopulationBandTests
{
    [Theory]
    [InlineData(0, PopulationBand.VerySmall)]
    [InlineData(1_000, PopulationBand.VerySmall)]
    [InlineData(49_999, PopulationBand.VerySmall)]
    [InlineData(50_000, PopulationBand.Small)]
    [InlineData(199_999, PopulationBand.Small)]
    [InlineData(200_000, PopulationBand.Medium)]
    [InlineData(499_999, PopulationBand.Medium)]
    [InlineData(500_000, PopulationBand.Metropolitan)]
    [InlineData(1_499_999, PopulationBand.Metropolitan)]
    [InlineData(1_500_000, PopulationBand.LargeMetropolitan)]
    [InlineData(8_900_000, PopulationBand.LargeMetropolitan)]
    public void Towns_fall_into_the_oecd_band_of_their_population(long population, PopulationBand expected) =>
        Assert.Equal(expected, PopulationBands.Classify(population));

    [Fact]
    public void A_negative_population_is_a_mistake() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PopulationBands.Classify(-1));
}
