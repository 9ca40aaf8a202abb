using Twinning.Domain.Directory;
using Twinning.Domain.Matching;

namespace Twinning.Domain.Tests.Matching;

public sealed class MatcherTests
{
    private static DirectoryEntry Town(int id, string country, long population, double lat, double lon, int[]? themes = null, string[]? languages = null, bool verified = false) =>
        new(id, id, "Town " + id, "town " + id, OrganisationKind.Municipality, country, null, population, PopulationBands.Classify(population),
            lat, lon, true, verified, themes ?? [], languages ?? []);

    private static readonly MatchWeights Weights = new();

    private static MatchSubject Subject(int[]? themes = null, string[]? languages = null, DistancePreference distance = DistancePreference.Any,
        string[]? countries = null, PopulationBand[]? bands = null, int[]? exclude = null) => new()
        {
            OrganisationId = 1,
            CountryCode = "DE",
            Population = 20_000,
            Latitude = 50.0,
            Longitude = 8.0,
            Themes = themes ?? [],
            Languages = languages ?? [],
            Distance = distance,
            WantedCountries = countries ?? [],
            WantedBands = bands ?? [],
            Exclude = exclude ?? [],
        };

    private static readonly DirectoryEntry[] Towns =
    [
        Town(1, "DE", 20_000, 50.0, 8.0, [1, 2], ["de"]),
        Town(2, "FR", 21_000, 49.0, 6.0, [1], ["fr"]),
        Town(3, "PL", 2_000_000, 52.2, 21.0, [1, 2], ["pl", "de"]),
        Town(4, "ES", 19_000, 40.4, -3.7, [], ["es"], verified: true),
        Town(5, "AT", 22_000, 48.2, 16.4, [2], ["de"]),
    ];

    private static Matcher Matcher(LinkPrior? prior = null) => new(Towns, prior ?? LinkPrior.None, Weights);

    [Fact]
    public void The_subject_itself_and_excluded_partners_are_never_suggested()
    {
        var ranked = Matcher().Rank(Subject(exclude: [2]), 10);
        Assert.DoesNotContain(ranked, m => m.OrganisationId is 1 or 2);
        Assert.Equal(3, ranked.Count);
    }

    [Fact]
    public void Wanted_countries_and_sizes_are_hard_filters()
    {
        Assert.Equal([4], Matcher().Rank(Subject(countries: ["ES"]), 10).Select(m => m.OrganisationId));
        Assert.Equal([3], Matcher().Rank(Subject(bands: [PopulationBand.LargeMetropolitan]), 10).Select(m => m.OrganisationId));
    }

    [Fact]
    public void Shared_themes_rank_higher_and_are_named_in_the_reasons()
    {
        var matcher = Matcher();
        var withThemes = matcher.Explain(Subject(themes: [1, 2]), 3)!;
        Assert.True(withThemes.Score > matcher.Explain(Subject(), 3)!.Score);
        Assert.Equal([1, 2], withThemes.Reasons.Single(r => r.Code == ReasonCode.SharedThemes).ThemeIds);

        // Of two towns of about the same size, the one sharing a theme comes first.
        var ranked = matcher.Rank(Subject(themes: [1]), 10).Select(m => m.OrganisationId).ToList();
        Assert.True(ranked.IndexOf(2) < ranked.IndexOf(4));
    }

    [Fact]
    public void Near_and_far_preferences_reverse_the_order_by_distance()
    {
        var near = Matcher().Rank(Subject(distance: DistancePreference.Near), 10).Select(m => m.OrganisationId).ToList();
        var far = Matcher().Rank(Subject(distance: DistancePreference.Far), 10).Select(m => m.OrganisationId).ToList();
        Assert.Equal(2, near[0]);
        Assert.Equal(4, far[0]);
    }

    [Fact]
    public void Without_wanted_sizes_a_similar_size_counts_and_a_shared_language_too()
    {
        var matcher = Matcher();
        var similar = matcher.Explain(Subject(), 5)!;
        var huge = matcher.Explain(Subject(), 3)!;
        Assert.True(similar.Reasons.Single(r => r.Code == ReasonCode.SimilarSize).Share > 0);
        Assert.True(similar.Score > huge.Score);

        var withLanguage = matcher.Explain(Subject(languages: ["de"]), 5)!;
        Assert.Equal(["de"], withLanguage.Reasons.Single(r => r.Code == ReasonCode.SharedLanguages).Languages);
        Assert.True(withLanguage.Score > similar.Score);
    }

    [Fact]
    public void A_candidate_whose_open_request_accepts_the_subject_ranks_higher_and_says_so()
    {
        var facts = new CandidateFacts
        {
            OpenCalls = new Dictionary<int, IReadOnlyList<OpenCall>>
            {
                // Town 2 looks for German towns of 10-50k; town 5 only for Spanish ones.
                [2] = [new OpenCall(["DE"], [PopulationBand.Small])],
                [5] = [new OpenCall(["ES"], [])],
            },
        };
        var subject = Subject() with { Band = PopulationBand.Small };
        var plain = Matcher();
        var twoSided = new Matcher(Towns, LinkPrior.None, Weights, facts);

        var accepted = twoSided.Explain(subject, 2)!;
        Assert.Equal(plain.Explain(subject, 2)!.Score + Weights.TwoSided, accepted.Score, 6);
        Assert.Contains(accepted.Reasons, r => r.Code == ReasonCode.TheyLookForYou);
        Assert.Equal(plain.Explain(subject, 5)!.Score, twoSided.Explain(subject, 5)!.Score, 6);
        // A subject of another size is not what town 2 asks for.
        Assert.Equal(plain.Explain(subject with { Band = PopulationBand.Medium }, 2)!.Score, twoSided.Explain(subject with { Band = PopulationBand.Medium }, 2)!.Score, 6);
    }

    [Fact]
    public void Recently_active_candidates_get_their_weight_and_a_reason()
    {
        var active = new Matcher(Towns, LinkPrior.None, Weights, new CandidateFacts { RecentlyActive = new HashSet<int> { 4 } });
        var match = active.Explain(Subject(), 4)!;
        Assert.Equal(Matcher().Explain(Subject(), 4)!.Score + Weights.RecentlyActive, match.Score, 6);
        Assert.Equal(Weights.RecentlyActive, match.Points(ReasonCode.RecentlyActive), 3);
    }

    [Fact]
    public void Position_counts_the_eligible_candidates_ahead_as_the_ranking_does()
    {
        var matcher = Matcher();
        var subject = Subject(themes: [1, 2], exclude: [5]);
        var ranked = matcher.Rank(subject, 10);
        for (var i = 0; i < ranked.Count; i++)
        {
            var position = matcher.Position(subject, ranked[i].OrganisationId)!;
            Assert.Equal(i + 1, position.Rank);
            Assert.Equal(ranked.Count, position.Eligible);
            Assert.Equal(ranked[i].Score, position.Match.Score);
        }
        Assert.Null(matcher.Position(subject, 5));
        Assert.Null(matcher.Position(subject, 1));
        Assert.Null(matcher.Position(subject, 999));
    }

    [Fact]
    public void Reasons_shares_add_up_to_the_whole_score()
    {
        foreach (var match in Matcher().Rank(Subject(themes: [1], languages: ["de"], distance: DistancePreference.Near), 10))
            Assert.Equal(1.0, match.Reasons.Sum(r => r.Share), 6);
    }

    [Fact]
    public void Top_k_is_the_head_of_the_full_ranking()
    {
        var random = new Random(3);
        var towns = Enumerable.Range(1, 2_000).Select(i => Town(i, i % 2 == 0 ? "FR" : "IT", random.Next(1_000, 500_000),
            40 + random.NextDouble() * 15, -5 + random.NextDouble() * 25, [random.Next(1, 6), random.Next(1, 6)], [i % 3 == 0 ? "fr" : "it"])).ToList();
        var matcher = new Matcher(towns, LinkPrior.None, Weights);
        var subject = Subject(themes: [1, 3], languages: ["fr"], distance: DistancePreference.Near);

        var top = matcher.Rank(subject, 25).Select(m => m.OrganisationId).ToList();
        var all = towns.Select(t => matcher.Explain(subject, t.Id)).OfType<Match>()
            .OrderByDescending(m => m.Score).ThenBy(m => m.OrganisationId).Take(25).Select(m => m.OrganisationId).ToList();
        Assert.Equal(all, top);
    }

    [Fact]
    public void Adding_a_shared_theme_never_lowers_a_candidates_score()
    {
        var random = new Random(11);
        for (var trial = 0; trial < 300; trial++)
        {
            var subjectThemes = Enumerable.Range(1, 10).Where(_ => random.Next(2) == 0).ToArray();
            var candidateThemes = Enumerable.Range(1, 10).Where(_ => random.Next(2) == 0).ToList();
            var added = subjectThemes.Except(candidateThemes).ToArray();
            if (added.Length == 0)
                continue;
            var population = random.Next(1_000, 1_000_000);
            var (lat, lon) = (35 + random.NextDouble() * 30, -10 + random.NextDouble() * 40);
            var others = Enumerable.Range(1, 10).ToArray();
            var before = new Matcher([Town(1, "DE", 20_000, 50, 8, others), Town(2, "FR", population, lat, lon, [.. candidateThemes])], LinkPrior.None, Weights);
            var after = new Matcher([Town(1, "DE", 20_000, 50, 8, others), Town(2, "FR", population, lat, lon, [.. candidateThemes, added[random.Next(added.Length)]])], LinkPrior.None, Weights);
            var subject = Subject(themes: subjectThemes, distance: (DistancePreference)random.Next(3));

            Assert.True(after.Explain(subject, 2)!.Score >= before.Explain(subject, 2)!.Score, $"trial {trial}");
        }
    }

    [Fact]
    public void A_handful_of_links_teaches_nothing()
    {
        var towns = Enumerable.Range(1, 60).Select(i => Town(i, "DE", 30_000, 48.0, i * 1.35)).ToList();
        var prior = LinkPrior.Learn(towns, Enumerable.Range(1, LinkPrior.MinLinks - 1).Select(i => (i, i + 1)).ToList(), randomPairs: 5_000);
        Assert.Equal(0, prior.LogRatio(100, 30_000, 30_000, "DE", "DE"));
    }

    [Fact]
    public void The_prior_learns_that_real_links_join_towns_closer_than_chance_and_ranks_by_it()
    {
        // Towns on a line 100 km apart; links only between neighbours.
        var towns = Enumerable.Range(1, 60).Select(i => Town(i, i % 2 == 0 ? "DE" : "FR", 30_000, 48.0, 0.0 + i * 1.35)).ToList();
        var links = Enumerable.Range(1, 59).Select(i => (i, i + 1)).ToList();
        var prior = LinkPrior.Learn(towns, links, randomPairs: 20_000);

        Assert.True(prior.LogRatio(100, 30_000, 30_000, "DE", "FR") > 0);
        Assert.True(prior.LogRatio(3_000, 30_000, 30_000, "DE", "FR") < prior.LogRatio(100, 30_000, 30_000, "DE", "FR"));

        var matcher = new Matcher(towns, prior, Weights);
        var subject = new MatchSubject { OrganisationId = 30, CountryCode = "DE", Population = 30_000, Latitude = 48.0, Longitude = 30 * 1.35 };
        var best = matcher.Rank(subject, 2).Select(m => m.OrganisationId).Order().ToList();
        Assert.Equal([29, 31], best);
        Assert.Equal(ReasonCode.KnownPattern, matcher.Rank(subject, 1)[0].Reasons[0].Code);
    }

    [Fact]
    public void The_squared_chord_finds_the_same_distance_bin_as_the_chord_even_at_the_bounds()
    {
        var towns = Enumerable.Range(1, 60).Select(i => Town(i, "DE", 30_000, 48.0, i * 1.35)).ToList();
        var prior = LinkPrior.Learn(towns, Enumerable.Range(1, 59).Select(i => (i, i + 1)).ToList(), randomPairs: 20_000);
        Assert.True(prior.DistanceLogRatios.Distinct().Count() > 1);

        // The matcher has |v1 − v2|² and never takes its root: its bin must be the root's, to the last bit.
        var squares = LinkPrior.DistanceChordBounds
            .Select(bound => bound * bound)
            .SelectMany(square => new[] { Math.BitDecrement(Math.BitDecrement(square)), Math.BitDecrement(square), square, Math.BitIncrement(square), square * 0.999, square * 1.001 })
            .Append(0).Append(4);
        foreach (var square in squares)
            Assert.Equal(prior.DistanceByChord(Math.Sqrt(square)), prior.DistanceByChordSquared(square));
    }
}
