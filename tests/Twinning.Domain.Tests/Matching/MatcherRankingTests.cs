using Twinning.Domain.Directory;
using Twinning.Domain.Matching;

namespace Twinning.Domain.Tests.Matching;

/// <summary>
/// The top-k loop takes shortcuts (it skips work for candidates that cannot beat the worst kept); the
/// "why not higher?" scan scores every candidate in full. On a random directory with every kind of
/// fact, and subjects of every kind, both must tell the same story.
/// </summary>
public sealed class MatcherRankingTests
{
    private static readonly string[] Countries = ["DE", "FR", "IT", "PL", "ES", "GR"];
    private static readonly string[] Languages = ["de", "fr", "it", "pl", "es", "el", "en"];

    [Fact]
    public void Every_ranked_candidate_stands_where_a_full_scan_puts_it()
    {
        var random = new Random(42);
        var towns = Enumerable.Range(1, 1_500).Select(id =>
        {
            long? population = random.Next(10) == 0 ? null : (long)Math.Pow(10, 2.7 + (random.NextDouble() * 3.8));
            var located = random.Next(20) != 0;
            return new DirectoryEntry(id, id, "Town " + id, "town " + id, OrganisationKind.Municipality, Countries[random.Next(Countries.Length)], null,
                population, population is { } p ? PopulationBands.Classify(p) : null,
                located ? 36 + (random.NextDouble() * 28) : null, located ? -9 + (random.NextDouble() * 38) : null,
                InScope: random.Next(30) != 0, IsVerified: random.Next(8) == 0,
                Enumerable.Range(0, random.Next(4)).Select(_ => random.Next(1, 16)).Distinct().ToList(),
                Enumerable.Range(0, random.Next(3)).Select(_ => Languages[random.Next(Languages.Length)]).Distinct().ToList());
        }).ToList();
        // Links mostly between towns a few hundred ids apart, so that the prior learns something of every kind.
        var links = Enumerable.Range(0, 800).Select(_ => random.Next(1, 1_501)).Select(a => (a, Math.Clamp(a + random.Next(-150, 151), 1, 1_500)))
            .Where(l => l.a != l.Item2).ToList();
        var facts = new CandidateFacts
        {
            PartnerCounts = LinkPrior.PartnerCounts(links),
            OpenCalls = towns.Where(_ => random.Next(25) == 0).ToDictionary(t => t.Id, IReadOnlyList<OpenCall> (_) =>
                [new OpenCall(random.Next(2) == 0 ? [] : [Countries[random.Next(Countries.Length)]], random.Next(2) == 0 ? [] : [(PopulationBand)random.Next(5)])]),
            RecentlyActive = towns.Where(_ => random.Next(10) == 0).Select(t => t.Id).ToHashSet(),
        };
        var matcher = new Matcher(towns, LinkPrior.Learn(towns, links, randomPairs: 20_000), new MatchWeights(), facts);

        for (var trial = 0; trial < 30; trial++)
        {
            var town = towns[random.Next(towns.Count)];
            var subject = new MatchSubject
            {
                OrganisationId = town.Id,
                CountryCode = town.CountryCode,
                Population = random.Next(6) == 0 ? null : town.Population,
                Band = town.Band,
                Latitude = random.Next(6) == 0 ? null : town.Latitude,
                Longitude = town.Longitude,
                Themes = random.Next(2) == 0 ? [] : [random.Next(1, 16), random.Next(1, 16)],
                Languages = random.Next(2) == 0 ? [] : [Languages[random.Next(Languages.Length)]],
                Distance = (DistancePreference)(trial % 3),
                WantedCountries = random.Next(4) == 0 ? [Countries[random.Next(Countries.Length)], Countries[random.Next(Countries.Length)]] : [],
                WantedBands = random.Next(4) == 0 ? [(PopulationBand)random.Next(5), (PopulationBand)random.Next(5)] : [],
                Exclude = random.Next(3) == 0 ? [random.Next(1, 1_501), random.Next(1, 1_501)] : [],
            };

            var ranked = matcher.Rank(subject, 25);
            var eligible = towns.Select(t => matcher.Explain(subject, t.Id)).OfType<Match>().ToList();
            Assert.Equal(Math.Min(25, eligible.Count), ranked.Count);
            for (var i = 0; i < ranked.Count; i++)
            {
                // A full scan puts it in the same place (ties by id), with the same score and reasons.
                var position = matcher.Position(subject, ranked[i].OrganisationId)!;
                Assert.True(position.Rank == i + 1, $"trial {trial}: #{i + 1} stands at {position.Rank} in a full scan");
                Assert.Equal(ranked[i].Score, position.Match.Score);
                Assert.Equal(ranked[i].Reasons.Select(r => (r.Code, r.Share)), position.Match.Reasons.Select(r => (r.Code, r.Share)));
                if (i > 0)
                    Assert.True(ranked[i].Score <= ranked[i - 1].Score);
            }
            var kept = ranked.Select(m => m.OrganisationId).ToHashSet();
            Assert.All(eligible.Where(m => !kept.Contains(m.OrganisationId)), m => Assert.True(m.Score <= ranked[^1].Score, $"trial {trial}: {m.OrganisationId} left out"));
        }
    }

    [Fact]
    public void An_empty_directory_ranks_no_one()
    {
        var matcher = new Matcher([], LinkPrior.None, new MatchWeights());
        var subject = new MatchSubject { OrganisationId = 1, CountryCode = "DE", Population = 20_000, Latitude = 50, Longitude = 8, Distance = DistancePreference.Near };
        Assert.Empty(matcher.Rank(subject, 10));
        Assert.Null(matcher.Position(subject, 1));
    }
}
