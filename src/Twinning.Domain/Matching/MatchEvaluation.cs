using Twinning.Domain.Directory;

namespace Twinning.Domain.Matching;

/// <summary>Recall at 10, 50 and 100 of one ranking method over the held-out towns.</summary>
public sealed record RecallRow(string Method, double At10, double At50, double At100);

public sealed record EvaluationReport(int HeldOutTowns, int HiddenLinks, int Candidates, IReadOnlyList<RecallRow> Rows);

/// <summary>
/// How well suggestions find real twinnings: hide every link of a random 15% of the European towns that
/// have 3 or more European partners, learn the prior from the remaining links, ask each hidden town for
/// its top 10/50/100 over the whole directory (no themes: real towns have not declared any yet), and
/// count how many of its hidden partners come back. Baselines: random, most similar population, nearest.
/// </summary>
public static class MatchEvaluation
{
    public static readonly int[] Ks = [10, 50, 100];

    public static EvaluationReport Run(IReadOnlyList<DirectoryEntry> towns, IReadOnlyList<(int A, int B)> links, MatchWeights weights,
        double heldOutShare = 0.15, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(towns);
        ArgumentNullException.ThrowIfNull(links);
        var byId = towns.ToDictionary(t => t.Id);
        bool European(int id) => byId.TryGetValue(id, out var t) && t.InScope;
        var europeanLinks = links.Where(l => European(l.A) && European(l.B)).ToList();
        var partners = new Dictionary<int, HashSet<int>>();
        foreach (var (a, b) in europeanLinks)
        {
            (partners.TryGetValue(a, out var pa) ? pa : partners[a] = []).Add(b);
            (partners.TryGetValue(b, out var pb) ? pb : partners[b] = []).Add(a);
        }

        var random = new Random(seed);
        var eligible = partners.Where(p => p.Value.Count >= 3).Select(p => p.Key).Order().ToArray();
        var heldOut = eligible.OrderBy(_ => random.Next()).Take((int)Math.Round(eligible.Length * heldOutShare)).ToHashSet();
        var training = links.Where(l => !heldOut.Contains(l.A) && !heldOut.Contains(l.B)).ToList();

        var prior = LinkPrior.Learn(towns, training);
        var trainingPartners = LinkPrior.PartnerCounts(training);
        var matcher = new Matcher(towns, prior, weights, new CandidateFacts { PartnerCounts = trainingPartners });
        var candidates = towns.Where(t => t.InScope).ToArray();

        var methods = new (string Name, Func<DirectoryEntry, int, IReadOnlyList<int>> Rank)[]
        {
            ("random", (town, k) => candidates.Where(c => c.Id != town.Id).OrderBy(_ => random.Next()).Take(k).Select(c => c.Id).ToList()),
            ("population similarity", (town, k) => Top(candidates, town, k, c => c.Population is > 0 && town.Population is > 0
                ? -Math.Abs(Math.Log((double)c.Population.Value / town.Population.Value)) : double.NegativeInfinity)),
            ("nearest", (town, k) => Top(candidates, town, k, c => c.Latitude is { } lat && c.Longitude is { } lon && town.Latitude is { } tlat && town.Longitude is { } tlon
                ? -Geo.DistanceKm(tlat, tlon, lat, lon) : double.NegativeInfinity)),
            ("prior only (distance, size, country pair, partners)", (town, k) => Top(candidates, town, k, c => prior.LogRatio(
                c.Latitude is { } lat && c.Longitude is { } lon && town.Latitude is { } tlat && town.Longitude is { } tlon ? Geo.DistanceKm(tlat, tlon, lat, lon) : null,
                town.Population, c.Population, town.CountryCode, c.CountryCode, trainingPartners.GetValueOrDefault(c.Id)))),
            ("Twinning matcher", (town, k) => matcher.Rank(new MatchSubject
            {
                OrganisationId = town.Id, CountryCode = town.CountryCode, Population = town.Population, Band = town.Band,
                Latitude = town.Latitude, Longitude = town.Longitude,
            }, k).Select(m => m.OrganisationId).ToList()),
        };

        var rows = new List<RecallRow>();
        var hiddenLinks = heldOut.Sum(t => partners[t].Count);
        foreach (var (name, rank) in methods)
        {
            var found = new double[Ks.Length];
            foreach (var id in heldOut)
            {
                var hidden = partners[id];
                var ranked = rank(byId[id], Ks[^1]);
                for (var k = 0; k < Ks.Length; k++)
                    found[k] += ranked.Take(Ks[k]).Count(hidden.Contains);
            }
            rows.Add(new RecallRow(name, found[0] / hiddenLinks, found[1] / hiddenLinks, found[2] / hiddenLinks));
        }
        return new EvaluationReport(heldOut.Count, hiddenLinks, candidates.Length, rows);
    }

    private static List<int> Top(DirectoryEntry[] candidates, DirectoryEntry town, int k, Func<DirectoryEntry, double> score)
    {
        var best = new PriorityQueue<int, double>(k + 1);
        foreach (var c in candidates)
        {
            if (c.Id == town.Id)
                continue;
            var s = score(c);
            if (best.Count < k)
                best.Enqueue(c.Id, s);
            else if (best.TryPeek(out _, out var worst) && s > worst)
                best.EnqueueDequeue(c.Id, s);
        }
        var result = new List<(int Id, double Score)>();
        while (best.TryDequeue(out var id, out var s))
            result.Add((id, s));
        return result.OrderByDescending(r => r.Score).Select(r => r.Id).ToList();
    }
}
