using System.Runtime.CompilerServices;
using Twinning.Domain.Directory;

namespace Twinning.Domain.Matching;

/// <summary>
/// What real twinnings look like, learned from the known links: how much more often than between two
/// towns taken at random a link joins towns at a given distance, of given sizes, in a given pair of
/// countries. Each is a smoothed likelihood ratio over bins; their logarithms add up (naive Bayes).
/// Pure: the caller gives the towns and links; sampling uses a fixed seed, so every instance learns the same.
/// </summary>
public sealed class LinkPrior
{
    /// <summary>Upper bounds (km) of the distance bins; the last bin is open.</summary>
    private static readonly double[] DistanceBounds = [25, 50, 100, 200, 400, 800, 1600, 3200];

    private readonly double[] _distance;
    private readonly double[] _sizeRatio;
    private readonly double[] _candidateSize;
    private readonly double[] _candidatePartners;
    private readonly Dictionary<(string, string), double> _countryPair;
    private readonly double _unknownCountryPair;

    private LinkPrior(double[] distance, double[] sizeRatio, double[] candidateSize, double[] candidatePartners,
        Dictionary<(string, string), double> countryPair, double unknownCountryPair)
    {
        _distance = distance;
        _sizeRatio = sizeRatio;
        _candidateSize = candidateSize;
        _candidatePartners = candidatePartners;
        _countryPair = countryPair;
        _unknownCountryPair = unknownCountryPair;
    }

    /// <summary>No knowledge: every log-ratio is zero.</summary>
    public static LinkPrior None { get; } = new(new double[DistanceBounds.Length + 1], new double[SizeBins], new double[SizeBins], new double[PartnerBins], [], 0);

    /// <summary>How many partners each town already has in <paramref name="links"/>: towns that twin, twin again.</summary>
    public static Dictionary<int, int> PartnerCounts(IEnumerable<(int A, int B)> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        var counts = new Dictionary<int, int>();
        foreach (var (a, b) in links)
        {
            counts[a] = counts.GetValueOrDefault(a) + 1;
            counts[b] = counts.GetValueOrDefault(b) + 1;
        }
        return counts;
    }

    private const int PartnerBins = 6;

    /// <summary>Fewer known links than this and nothing is learned.</summary>
    public const int MinLinks = 50;

    private const int SizeBins = 8;

    public static LinkPrior Learn(IReadOnlyList<DirectoryEntry> towns, IEnumerable<(int A, int B)> links, int randomPairs = 200_000, int seed = 7301)
    {
        ArgumentNullException.ThrowIfNull(towns);
        links = links.ToList();
        var degree = PartnerCounts(links);
        var usable = towns.Where(t => t.Latitude is not null && t.Longitude is not null && t.Population is > 0).ToArray();
        var byId = usable.ToDictionary(t => t.Id);
        var linked = links.Select(l => (byId.GetValueOrDefault(l.A), byId.GetValueOrDefault(l.B)))
            .Where(p => p.Item1 is not null && p.Item2 is not null)
            .Select(p => (p.Item1!, p.Item2!))
            .ToArray();
        // A handful of links teaches noise, not patterns (a new platform, a test database): then the prior stays neutral.
        if (linked.Length < MinLinks || usable.Length < 2)
            return None;

        var random = new Random(seed);
        var sampled = new (DirectoryEntry, DirectoryEntry)[randomPairs];
        for (var i = 0; i < randomPairs; i++)
        {
            var a = random.Next(usable.Length);
            var b = random.Next(usable.Length - 1);
            sampled[i] = (usable[a], usable[b >= a ? b + 1 : b]);
        }

        double[] Ratios(Func<DirectoryEntry, DirectoryEntry, int> bin, int bins, Func<DirectoryEntry, DirectoryEntry, int>? backgroundBin = null)
        {
            var positive = new double[bins];
            var background = new double[bins];
            foreach (var (a, b) in linked)
                positive[bin(a, b)]++;
            foreach (var (a, b) in sampled)
                background[(backgroundBin ?? bin)(a, b)]++;
            // Add-one smoothing in both, then log of the ratio of proportions.
            return Enumerable.Range(0, bins)
                .Select(i => Math.Log((positive[i] + 1) / (linked.Length + bins)) - Math.Log((background[i] + 1) / (sampled.Length + bins)))
                .ToArray();
        }

        var distance = Ratios((a, b) => DistanceBin(Geo.DistanceKm(a.Latitude!.Value, a.Longitude!.Value, b.Latitude!.Value, b.Longitude!.Value)), DistanceBounds.Length + 1);
        var sizeRatio = Ratios((a, b) => SizeRatioBin(a.Population!.Value, b.Population!.Value), SizeBins);
        // Both ends of a link count as "a candidate of this size".
        var candidateSize = Ratios((a, b) => SizeBin(a.Population!.Value), SizeBins);
        // Towns that twin, twin again: a link's end has its other partners (degree - 1), a random town its degree.
        var candidatePartners = Ratios((a, _) => PartnerBin(degree.GetValueOrDefault(a.Id) - 1), PartnerBins, (a, _) => PartnerBin(degree.GetValueOrDefault(a.Id)));

        // Country pairs: observed links against the product of each country's share of towns.
        var shares = usable.GroupBy(t => t.CountryCode).ToDictionary(g => g.Key, g => (double)g.Count() / usable.Length, StringComparer.Ordinal);
        var pairCounts = linked.GroupBy(p => Pair(p.Item1.CountryCode, p.Item2.CountryCode)).ToDictionary(g => g.Key, g => g.Count());
        var countryPair = new Dictionary<(string, string), double>();
        const double pseudo = 1;
        foreach (var (pair, count) in pairCounts)
        {
            var expected = shares[pair.Item1] * shares[pair.Item2] * (pair.Item1 == pair.Item2 ? 1 : 2);
            countryPair[pair] = Math.Log((count + pseudo) / (linked.Length + pseudo / expected)) - Math.Log(expected);
        }
        var unknown = Math.Log(pseudo / (linked.Length + pseudo)) - Math.Log(1.0 / (shares.Count * shares.Count));
        return new LinkPrior(distance, sizeRatio, candidateSize, candidatePartners, countryPair, Math.Min(unknown, 0));
    }

    /// <summary>The log-likelihood ratio of a link between the two, given what is known of them (0 for an unknown fact).</summary>
    public double LogRatio(double? distanceKm, long? populationA, long? populationB, string countryA, string countryB, int candidatePartners = 0)
    {
        var total = Candidate(populationB, candidatePartners) + CountryPair(countryA, countryB);
        if (distanceKm is { } d)
            total += _distance[DistanceBin(d)];
        if (populationA is > 0 && populationB is > 0)
            total += SizeRatio(Math.Abs(Math.Log10((double)populationA.Value / populationB.Value)));
        return total;
    }

    // The parts of LogRatio, for the matcher's precomputed arrays.

    /// <summary>What depends on the candidate alone: its size and how many partners it already has.</summary>
    public double Candidate(long? population, int partners) => CandidateOfClass(CandidateClass(population, partners));

    /// <summary>How many classes <see cref="CandidateClass"/> sorts candidates into.</summary>
    public const int CandidateClasses = PartnerBins * (SizeBins + 1);

    /// <summary>
    /// What the prior knows of a candidate alone comes in few classes (its partners' bin, and its size's bin or
    /// "unknown"): a caller can work out per class what would otherwise be per candidate.
    /// </summary>
    public static int CandidateClass(long? population, int partners) =>
        (PartnerBin(partners) * (SizeBins + 1)) + (population is > 0 ? SizeBin(population.Value) + 1 : 0);

    /// <summary>Between which log10 populations the candidates of the class lie; null when their size is unknown.</summary>
    public static (double Lowest, double Highest)? Log10PopulationOfClass(int candidateClass)
    {
        var sizeBin = (candidateClass % (SizeBins + 1)) - 1;
        if (sizeBin < 0)
            return null;
        return (sizeBin == 0 ? 0 : 3 + (sizeBin / 2.0), sizeBin == SizeBins - 1 ? double.PositiveInfinity : 3.5 + (sizeBin / 2.0));
    }

    /// <summary><see cref="Candidate"/> for every candidate of the class.</summary>
    public double CandidateOfClass(int candidateClass)
    {
        var (partnerBin, sizeBin) = Math.DivRem(candidateClass, SizeBins + 1);
        return _candidatePartners[partnerBin] + (sizeBin > 0 ? _candidateSize[sizeBin - 1] : 0);
    }

    public double CountryPair(string countryA, string countryB) =>
        _countryPair.TryGetValue(Pair(countryA, countryB), out var pair) ? pair : _unknownCountryPair;

    /// <summary>The highest log-ratio <see cref="DistanceByChord"/> gives for a chord between the two.</summary>
    public double MostDistanceByChord(double lowest, double highest)
    {
        var most = double.NegativeInfinity;
        for (var bin = ChordBin(lowest); bin <= ChordBin(highest); bin++)
            most = Math.Max(most, _distance[bin]);
        return most;
    }

    private static int ChordBin(double chord)
    {
        var bin = 0;
        while (bin < ChordBounds.Length && chord >= ChordBounds[bin])
            bin++;
        return bin;
    }

    /// <summary>By |log10 of the size ratio|.</summary>
    public double SizeRatio(double absLog10Ratio) => _sizeRatio[LogRatioBin(absLog10Ratio)];

    /// <summary>The highest log-ratio <see cref="SizeRatio"/> gives for an |log10 of the size ratio| between the two.</summary>
    public double MostSizeRatio(double lowest, double highest)
    {
        var most = double.NegativeInfinity;
        for (var bin = LogRatioBin(lowest); bin <= LogRatioBin(Math.Min(highest, SizeBins)); bin++)
            most = Math.Max(most, _sizeRatio[bin]);
        return most;
    }

    private static int LogRatioBin(double absLog10Ratio) => Math.Min(SizeBins - 1, (int)(absLog10Ratio * 2));

    /// <summary>
    /// By the chord between two points on the unit sphere (|v1 − v2|), which orders like the distance and
    /// needs no trigonometry: the bins' bounds are converted to chords once.
    /// </summary>
    public double DistanceByChord(double chord) => _distance[ChordBin(chord)];

    private static readonly double[] ChordBounds = DistanceBounds.Select(km => 2 * Math.Sin(km / (2 * Geo.EarthRadiusKm))).ToArray();

    /// <summary>
    /// By the squared chord: the bins of <see cref="DistanceByChord"/> without the square root. A branch-free
    /// count of the bounds reached (the bin of a far town is as quick to find as a near one's, and never
    /// mispredicted).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double DistanceByChordSquared(double chordSquared)
    {
        var bin = 0;
        foreach (var bound in ChordSquaredBounds)
            bin += chordSquared >= bound ? 1 : 0;
        return _distance[bin];
    }

    /// <summary>
    /// Each the least double whose square root reaches the chord bound, so that <c>c² &lt; bound</c> exactly when
    /// <c>Math.Sqrt(c²) &lt; chord bound</c> (the square root is correctly rounded, hence monotonic): the bins are
    /// the same as <see cref="DistanceByChord"/>'s to the last bit, not merely close.
    /// </summary>
    private static readonly double[] ChordSquaredBounds = ChordBounds.Select(LeastSquareReaching).ToArray();

    private static double LeastSquareReaching(double root)
    {
        var square = root * root;
        while (Math.Sqrt(square) >= root)
            square = Math.BitDecrement(square);
        while (Math.Sqrt(square) < root)
            square = Math.BitIncrement(square);
        return square;
    }

    // Read-only views of the bins, for scoring outside .NET (the SQL comparison in MatchingBenchmarks).

    /// <summary>Upper chord bounds of the distance bins, ascending; a chord equal to a bound falls in the next bin, the last bin is open.</summary>
    public static IReadOnlyList<double> DistanceChordBounds { get; } = Array.AsReadOnly(ChordBounds);

    /// <summary>The log-ratio of each distance bin (one more than <see cref="DistanceChordBounds"/>).</summary>
    public IReadOnlyList<double> DistanceLogRatios => Array.AsReadOnly(_distance);

    /// <summary>The log-ratio by size-ratio bin: |log10 of the size ratio| in half-decades, the last bin open (see <see cref="SizeRatio"/>).</summary>
    public IReadOnlyList<double> SizeRatioLogRatios => Array.AsReadOnly(_sizeRatio);

    /// <summary>0, 1, 2, 3–5, 6–10, 11 and more partners.</summary>
    private static int PartnerBin(int partners) => partners switch
    {
        <= 0 => 0,
        1 => 1,
        2 => 2,
        <= 5 => 3,
        <= 10 => 4,
        _ => 5,
    };

    private static (string, string) Pair(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);

    private static int DistanceBin(double km)
    {
        for (var i = 0; i < DistanceBounds.Length; i++)
        {
            if (km < DistanceBounds[i])
                return i;
        }
        return DistanceBounds.Length;
    }

    /// <summary>|log10 of the size ratio| in half-decades: 0 = within ~3x, up to 7 = 10^3.5x and more.</summary>
    private static int SizeRatioBin(long a, long b) => Math.Min(SizeBins - 1, (int)(Math.Abs(Math.Log10((double)a / b)) * 2));

    /// <summary>log10 of the population in half-decades from 1,000: 0 = under ~3,200 ... 7 = ~10 million.</summary>
    private static int SizeBin(long population) => Math.Clamp((int)((Math.Log10(population) - 3) * 2), 0, SizeBins - 1);
}
