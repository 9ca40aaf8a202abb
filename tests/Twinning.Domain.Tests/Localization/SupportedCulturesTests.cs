using Twinning.Domain.Localization;

namespace Twinning.Domain.Tests.Localization;

public sealed class SupportedCulturesTests
{
    [Fact]
    public void The_platform_speaks_the_24_official_languages_of_the_eu()
    {
        string[] eu = ["bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv"];

        Assert.Equal(eu, SupportedCultures.Codes);
    }

    [Fact]
    public void Each_language_is_named_in_itself_and_no_two_names_are_alike()
    {
        Assert.All(SupportedCultures.All, c => Assert.False(string.IsNullOrWhiteSpace(c.NativeName)));
        Assert.Equal(SupportedCultures.All.Count, SupportedCultures.All.Select(c => c.NativeName).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [InlineData("de-AT", "de")]
    [InlineData("pt_BR", "pt")]
    [InlineData("EL", "el")]
    [InlineData(" ga-IE ", "ga")]
    [InlineData("sv", "sv")]
    public void A_regional_culture_matches_its_language(string culture, string expected) =>
        Assert.Equal(expected, SupportedCultures.Match(culture));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ja-JP")]
    [InlineData("no")]
    [InlineData("*")]
    public void Other_languages_do_not_match(string? culture) =>
        Assert.Null(SupportedCultures.Match(culture));

    [Fact]
    public void The_default_language_is_one_of_them() =>
        Assert.True(SupportedCultures.IsSupported(SupportedCultures.Default));
}
