using Twinning.Domain.Directory;

namespace Twinning.Domain.Tests.Directory;

public sealed class NameMatchTests
{
    [Theory]
    [InlineData("koln", "koln", 0)]
    [InlineData("frankfurt am main", "frankfurt", 1)]
    [InlineData("frankfurt am main", "main", 2)]
    [InlineData("neukolln", "kolln", 3)]
    public void Exact_beats_prefix_beats_word_beats_inside(string name, string query, int rank) =>
        Assert.Equal(rank, NameMatch.Rank(name, query));

    [Theory]
    [InlineData("thessaloniki", "thesaloniki")]
    [InlineData("munchen", "muenchen")]
    [InlineData("krakow", "karkow")]
    [InlineData("ljubljana", "lubljana")]
    [InlineData("san sebastian", "sebastain")]
    public void Small_typos_still_match(string name, string query) =>
        Assert.True(NameMatch.Rank(name, query) > 0);

    [Theory]
    [InlineData("koln", "bonn")]
    [InlineData("paris", "pa ris x")]
    [InlineData("rom", "ram")]
    public void Different_names_do_not_match(string name, string query) =>
        Assert.Equal(-1, NameMatch.Rank(name, query));

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("abcd", "abdc", 1)]
    [InlineData("same", "same", 0)]
    public void Edits_are_counted_with_adjacent_swaps_as_one(string a, string b, int expected) =>
        Assert.Equal(expected, Edits.Within(a, b, 5));

    [Fact]
    public void Counting_stops_past_the_limit() => Assert.Equal(2, Edits.Within("abcdefgh", "zzzzzzzz", 1));
}
