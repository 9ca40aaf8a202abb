using Twinning.Domain.Directory;

namespace Twinning.Domain.Tests.Directory;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Köln", "koln")]
    [InlineData("Kraków", "krakow")]
    [InlineData("Thessaloníki", "thessaloniki")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Straße", "strasse")]
    [InlineData("Ærøskøbing", "aeroskobing")]
    [InlineData("Θεσσαλονίκη", "θεσσαλονικη")]
    [InlineData("  Saint-Étienne ", "saint etienne")]
    [InlineData("Castell'Arquato", "castell arquato")]
    [InlineData("Il-Mosta", "il mosta")]
    [InlineData("Ħal Għargħur", "hal gharghur")]
    public void Names_compare_without_case_diacritics_or_punctuation(string name, string expected) =>
        Assert.Equal(expected, SearchText.Normalize(name));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Nothing_normalizes_to_nothing(string? text) => Assert.Equal(string.Empty, SearchText.Normalize(text));
}
