using System.Numerics;
using System.Runtime.CompilerServices;
using Twinning.Domain.Directory;

namespace Twinning.Domain.Matching;

/// <summary>Whether a searcher wants partners close by, far away, or does not mind.</summary>
public enum DistancePreference
{
    Any = 0,
    Near = 1,
    Far = 2,
}

/// <summary>Why a candidate ranks where it does; the web layer words each in the reader's language.</summary>
public enum ReasonCode
{
    SimilarSize = 0,
    WantedSize = 1,
    SharedThemes = 2,
    SharedLanguages = 3,
    Near = 4,
    Far = 5,
    KnownPattern = 6,
    Verified = 7,

    /// <summary>Two-sided: the candidate has an open request whose countries and sizes accept the subject.</summary>
    TheyLookForYou = 8,
    RecentlyActive = 9,
}

/// <summary>How much each signal counts (configuration <c>Matching:Weights</c>); every signal scores 0..1 before weighting.</summary>
public sealed record MatchWeights
{
    public double Size { get; init; } = 0.25;
    public double Themes { get; init; } = 1.5;
    public double Languages { get; init; } = 0.75;
    public double Distance { get; init; } = 1.0;
    public double Prior { get; init; } = 4.0;
    public double Verified { get; init; } = 0.25;
    public double TwoSided { get; init; } = 1.0;
    public double RecentlyActive { get; init; } = 0.25;
}

/// <summary>What an open request accepts: its wanted countries and sizes (empty = any).</summary>
public sealed record OpenCall(IReadOnlyCollection<string> Countries, IReadOnlyCollection<PopulationBand> Bands);

/// <summary>
/// Facts about candidates beyond their profile, gathered by the caller at build time (the matcher has no
/// clock): how many partners each has, what their open requests accept, who was active lately.
/// </summary>
public sealed record CandidateFacts
{
    public static CandidateFacts None { get; } = new();

    /// <summary>Known partners per organisation: towns that twin, twin again (the prior uses it).</summary>
    public IReadOnlyDictionary<int, int> PartnerCounts { get; init; } = new Dictionary<int, int>();

    public IReadOnlyDictionary<int, IReadOnlyList<OpenCall>> OpenCalls { get; init; } = new Dictionary<int, IReadOnlyList<OpenCall>>();

    public IReadOnlySet<int> RecentlyActive { get; init; } = new HashSet<int>();
}

/// <summary>
/// Who looks for partners, and what they accept. Wanted countries and sizes are hard filters (a
/// request's own criteria); everything else ranks.
/// </summary>
public sealed record MatchSubject
{
    public int? OrganisationId { get; init; }
    public required string CountryCode { get; init; }
    public long? Population { get; init; }
    public PopulationBand? Band { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public IReadOnlyCollection<int> Themes { get; init; } = [];
    public IReadOnlyCollection<string> Languages { get; init; } = [];
    public IReadOnlyCollection<string> WantedCountries { get; init; } = [];
    public IReadOnlyCollection<PopulationBand> WantedBands { get; init; } = [];
    public DistancePreference Distance { get; init; }

    /// <summary>Never suggested: the subject itself is always excluded; add existing partners here.</summary>
    public IReadOnlyCollection<int> Exclude { get; init; } = [];
}

public sealed record MatchReason(ReasonCode Code, double Share, IReadOnlyList<int> ThemeIds, IReadOnlyList<string> Languages);

public sealed record Match(int OrganisationId, double Score, IReadOnlyList<MatchReason> Reasons)
{
    /// <summary>The points one signal brought (its share of the score).</summary>
    public double Points(ReasonCode code) => Reasons.FirstOrDefault(r => r.Code == code) is { } reason ? reason.Share * Score : 0;
}

/// <summary>Where one candidate stands for a subject: its 1-based rank among the eligible, and why.</summary>
public sealed record MatchPosition(int Rank, int Eligible, Match Match);

/// <summary>
/// Ranks every organisation of the directory for one subject and keeps the best k without sorting the
/// rest. The directory is held as parallel arrays (bitmasks for themes and languages, bands, country
/// indexes, coordinates) so that one pass over ~65,000 candidates stays in the CPU caches. Pure: no
/// database, no clock, no culture.
/// </summary>
/// <remarks>
/// Fast without changing a result. Every score is the same sum of the same terms, added in the same order
/// (<see cref="Total"/>), as the plain definition in <see cref="Score"/>. What depends on the query only is
/// worked out once per query (<see cref="Prepare"/>), down to tables by candidate "cell" (what the prior
/// knows of a candidate alone, and its country). The top-k loop skips the size, distance and near/far
/// work of a candidate that could not beat the worst kept even with each of those at its most; and it
/// visits the cells (stored one after the other) best bound first, stopping at the first cell that could
/// not get in: most candidates are never read.
/// </remarks>
public sealed class Matcher
{
    private const double NearScaleKm = 300;
    private const double FarScaleKm = 1200;

    /// <summary>exp(−|ln ratio| / 1.5) by |log10 ratio| in hundredths (up to 10^8): a table instead of an Exp per candidate.</summary>
    private static readonly double[] SizeSimilarity = Enumerable.Range(0, 801).Select(h => Math.Exp(-(h / 100.0) * Math.Log(10) / 1.5)).ToArray();

    /// <summary>The size-similarity table, read-only, for scoring outside .NET (the SQL comparison in the benchmarks).</summary>
    public static IReadOnlyList<double> SizeSimilarityTable { get; } = Array.AsReadOnly(SizeSimilarity);

    /// <summary>
    /// Widens every bound by far more than any rounding: the bounds are worked out from rounded values, and
    /// then compared with sums rounded in another order.
    /// </summary>
    private const double Hair = 1e-9;

    // One column per fact, one row per candidate. The first shortcut in Score reads the cell and the flags (3
    // bytes a candidate, which stay in the CPU's caches), themes, languages, country or band only when the
    // query asks for them, and the place only for the few candidates that pass.
    private readonly int[] _ids;
    private readonly ushort[] _cell;
    private readonly byte[] _flags;
    private readonly byte[] _class;
    private readonly ushort[] _region;
    private readonly short[] _country;
    private readonly byte[] _bandBit;
    private readonly ulong[] _themes;
    private readonly uint[] _languages;
    private readonly Place[] _places;

    private readonly Dictionary<int, int> _indexOf;
    private readonly Dictionary<int, (ulong Countries, int Bands)[]> _calls = [];
    private readonly string[] _countries;
    private readonly Dictionary<string, short> _countryIndex;
    private readonly Dictionary<int, int> _themeBit;
    private readonly Dictionary<string, int> _languageBit;
    private readonly LinkPrior _prior;
    private readonly MatchWeights _weights;

    /// <summary>What the prior says of a candidate alone, by its class (<see cref="LinkPrior.CandidateClass"/>).</summary>
    private readonly double[] _classPrior;

    /// <summary>The size-similarity points (weight included) by |log10 ratio| in hundredths.</summary>
    private readonly double[] _sizePoints;

    /// <summary>The most of <see cref="_sizePoints"/> from each hundredth on.</summary>
    private readonly double[] _mostSizePointsFrom;

    /// <summary>The most verified, recently active and two-sided can bring together, by a candidate's flags.</summary>
    private readonly double[] _mostFlagPoints;

    /// <summary>Where the towns lie, in parts of one country each, for the bounds on what the distance can bring (see <see cref="DistanceReach"/>).</summary>
    private readonly Region[] _regions;

    /// <summary>How many regions the towns are divided into (about; at least one per country).</summary>
    private const int RegionBudget = 160;

    /// <summary>By cell: the candidate class and region it stands for.</summary>
    private readonly (byte Class, ushort Region)[] _cells;

    /// <summary>The candidates are stored cell by cell: cell c holds the candidates <c>_cellStart[c]</c> to <c>_cellStart[c + 1]</c> (excluded).</summary>
    private readonly int[] _cellStart;

    /// <summary>By cell, the most its candidates' flags can bring (<see cref="_mostFlagPoints"/>).</summary>
    private readonly double[] _cellFlagPoints;

    /// <summary>By cell, every theme and every language of its candidates (for a cell's bound on what they share with a subject).</summary>
    private readonly ulong[] _cellThemes;

    private readonly uint[] _cellLanguages;

    /// <summary>What a bound may lose to rounding, and more: every signal is at most its weight.</summary>
    private readonly double _slack;

    private const byte VerifiedFlag = 1;
    private const byte ActiveFlag = 2;
    private const byte CallsFlag = 4;

    /// <summary>Builds the arrays from the directory and what else is known of the candidates.</summary>
    public Matcher(IEnumerable<DirectoryEntry> candidates, LinkPrior prior, MatchWeights weights, CandidateFacts? facts = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(prior);
        ArgumentNullException.ThrowIfNull(weights);
        facts ??= CandidateFacts.None;
        var entries = candidates.Where(c => c.InScope).ToArray();
        _prior = prior;
        _weights = weights;
        _countries = entries.Select(e => e.CountryCode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        _countryIndex = _countries.Select((c, i) => (c, (short)i)).ToDictionary(x => x.c, x => x.Item2, StringComparer.Ordinal);
        // Up to 64 themes and 32 languages fit one machine word each; further ones are ignored for ranking.
        _themeBit = entries.SelectMany(e => e.ThemeIds).Distinct().Order().Take(64).Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i);
        _languageBit = entries.SelectMany(e => e.WorkingLanguages).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(32)
            .Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);

        _classPrior = Enumerable.Range(0, LinkPrior.CandidateClasses).Select(prior.CandidateOfClass).ToArray();
        _sizePoints = SizeSimilarity.Select(similarity => weights.Size * similarity).ToArray();
        _mostSizePointsFrom = new double[_sizePoints.Length];
        var mostFrom = double.NegativeInfinity;
        for (var h = _sizePoints.Length - 1; h >= 0; h--)
            _mostSizePointsFrom[h] = mostFrom = Math.Max(mostFrom, _sizePoints[h]);
        _mostFlagPoints = Enumerable.Range(0, 8).Select(flags => ((flags & VerifiedFlag) != 0 ? weights.Verified : 0)
            + ((flags & ActiveFlag) != 0 ? weights.RecentlyActive : 0) + ((flags & CallsFlag) != 0 ? Math.Max(0, weights.TwoSided) : 0)).ToArray();
        var weightTotal = new[] { weights.Size, weights.Themes, weights.Languages, weights.Distance, weights.Prior, weights.Verified, weights.TwoSided, weights.RecentlyActive }
            .Sum(Math.Abs);
        _slack = Hair * (1 + (2 * weightTotal));

        var n = entries.Length;
        _ids = new int[n];
        _flags = new byte[n];
        _class = new byte[n];
        _country = new short[n];
        _bandBit = new byte[n];
        _themes = new ulong[n];
        _languages = new uint[n];
        _places = new Place[n];
        for (var i = 0; i < n; i++)
        {
            var e = entries[i];
            _ids[i] = e.Id;
            _country[i] = _countryIndex[e.CountryCode];
            // What the prior knows of the candidate alone (its size, its partners).
            _class[i] = (byte)LinkPrior.CandidateClass(e.Population, facts.PartnerCounts.GetValueOrDefault(e.Id));
            var flags = e.IsVerified ? VerifiedFlag : (byte)0;
            if (facts.RecentlyActive.Contains(e.Id))
                flags |= ActiveFlag;
            if (facts.OpenCalls.TryGetValue(e.Id, out var calls) && calls.Count > 0)
            {
                // Few organisations have open requests: a flag in the array, the details aside.
                flags |= CallsFlag;
                _calls[i] = calls.Select(c => (CountryMask(c.Countries), c.Bands.Aggregate(0, (mask, b) => mask | (1 << (int)b)))).ToArray();
            }
            _flags[i] = flags;
            _bandBit[i] = e.Band is { } band ? (byte)(1 << (int)band) : (byte)0;
            _themes[i] = ThemeMask(e.ThemeIds);
            _languages[i] = LanguageMask(e.WorkingLanguages);
            var (x, y, z) = UnitVector(e.Latitude, e.Longitude);
            _places[i] = new Place(x, y, z, e.Population is > 0 ? Math.Log10(e.Population.Value) : double.NaN);
        }
        (_regions, _region) = Region.Divide(_places, _country, RegionBudget);
        // The pairs of class and region that occur, numbered: the cells of the bounds' tables (at most 54 × 160-odd).
        _cells = Enumerable.Range(0, n).Select(i => (Class: _class[i], Region: _region[i])).Distinct().Order().ToArray();
        if (_cells.Length > ushort.MaxValue + 1)
            throw new InvalidOperationException("Too many cells for the matcher's bounds.");
        var cellOf = _cells.Select((pair, cell) => (pair, cell)).ToDictionary(x => x.pair, x => (ushort)x.cell);
        _cell = Enumerable.Range(0, n).Select(i => cellOf[(_class[i], _region[i])]).ToArray();

        // Stored cell by cell, so that the top-k loop reads a cell's candidates in one run of memory.
        var order = Enumerable.Range(0, n).OrderBy(i => _cell[i]).ThenBy(i => i).ToArray();
        var newIndex = new int[n];
        for (var i = 0; i < n; i++)
            newIndex[order[i]] = i;
        _ids = Reorder(_ids, order);
        _cell = Reorder(_cell, order);
        _flags = Reorder(_flags, order);
        _class = Reorder(_class, order);
        _region = Reorder(_region, order);
        _country = Reorder(_country, order);
        _bandBit = Reorder(_bandBit, order);
        _themes = Reorder(_themes, order);
        _languages = Reorder(_languages, order);
        _places = Reorder(_places, order);
        _calls = _calls.ToDictionary(call => newIndex[call.Key], call => call.Value);
        _indexOf = _ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);

        _cellStart = new int[_cells.Length + 1];
        _cellFlagPoints = new double[_cells.Length];
        _cellThemes = new ulong[_cells.Length];
        _cellLanguages = new uint[_cells.Length];
        for (var i = 0; i < n; i++)
        {
            var cell = _cell[i];
            _cellStart[cell + 1] = i + 1;
            _cellFlagPoints[cell] = Math.Max(_cellFlagPoints[cell], _mostFlagPoints[_flags[i]]);
            _cellThemes[cell] |= _themes[i];
            _cellLanguages[cell] |= _languages[i];
        }
    }

    private static T[] Reorder<T>(T[] values, int[] order) => Array.ConvertAll(order, i => values[i]);

    public int Count => _ids.Length;

    private int IndexOf(int organisationId) => _indexOf.GetValueOrDefault(organisationId, -1);

    /// <summary>The best <paramref name="top"/> candidates, best first, each with its reasons.</summary>
    public IReadOnlyList<Match> Rank(MatchSubject subject, int top)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (top <= 0)
            return [];
        var query = Prepare(subject, bounded: true);
        // A min-heap of the best so far, the worst kept on top: the lowest score and, of equal scores, the highest
        // id (ties go by id, as in Position). Once it is full, a candidate costs one comparison with the worst
        // kept, and the heap is touched only by the few that beat it.
        var best = new PriorityQueue<int, (double Score, int Id)>(top + 1, WorstFirst);
        (double Score, int Id) worst = (double.NegativeInfinity, int.MaxValue);
        // The shortcuts may skip who cannot reach the worst kept's score (an equal score could still win on its id).
        var below = double.NegativeInfinity;
        // Cells by their bound, the most promising first: the heap fills with good candidates at once, and the
        // pass ends at the first cell none of whose candidates could still get in (most of the 65,000 are never
        // read). The top k does not depend on the order candidates are met in: ties go by id.
        var cells = CellsByBound(query);
        while (cells.TryDequeue(out var cell, out var negatedMost))
        {
            if (best.Count == top && -negatedMost + _slack <= below)
                break;
            for (var i = _cellStart[cell]; i < _cellStart[cell + 1]; i++)
            {
                if (!Admitted(query, i))
                    continue;
                var score = Score(query, i, null, below);
                if (best.Count < top)
                {
                    if (IsExcluded(query, i))
                        continue;
                    best.Enqueue(i, (score, _ids[i]));
                }
                else if (score > worst.Score || (score == worst.Score && _ids[i] < worst.Id))
                {
                    if (IsExcluded(query, i))
                        continue;
                    best.EnqueueDequeue(i, (score, _ids[i]));
                }
                else
                {
                    continue;
                }
                if (best.Count == top)
                {
                    best.TryPeek(out _, out worst);
                    below = Math.BitDecrement(worst.Score);
                }
            }
        }

        var ranked = new List<(int Index, double Score)>(best.Count);
        while (best.TryDequeue(out var index, out var kept))
            ranked.Add((index, kept.Score));
        return ranked
            .OrderByDescending(r => r.Score).ThenBy(r => _ids[r.Index])
            .Select(r => Explain(query, r.Index))
            .ToList();
    }

    private static readonly Comparer<(double Score, int Id)> WorstFirst =
        Comparer<(double Score, int Id)>.Create((a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Id.CompareTo(a.Id));

    /// <summary>One candidate's score and reasons (for "why not higher?"), or null when it is excluded or filtered out.</summary>
    public Match? Explain(MatchSubject subject, int organisationId)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var index = IndexOf(organisationId);
        var query = Prepare(subject);
        return index < 0 || !Eligible(query, index) ? null : Explain(query, index);
    }

    /// <summary>
    /// Where one candidate ranks among all the eligible for the subject (ties broken by id, as <see cref="Rank"/>
    /// does), or null when it is excluded or filtered out: the "why not higher?" view.
    /// </summary>
    public MatchPosition? Position(MatchSubject subject, int organisationId)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var index = IndexOf(organisationId);
        var query = Prepare(subject, bounded: true);
        if (index < 0 || !Eligible(query, index))
            return null;
        var own = Score(query, index, null);
        // Who cannot reach the candidate's score cannot be ahead of it: the shortcuts may skip them.
        var below = Math.BitDecrement(own);
        int ahead = 0, eligible = 0;
        foreach (var (from, to) in Between(query.Excluded))
        {
            for (var i = from; i < to; i++)
            {
                if (!Admitted(query, i))
                    continue;
                eligible++;
                var score = Score(query, i, null, below);
                if (score > own || (score == own && _ids[i] < organisationId))
                    ahead++;
            }
        }
        return new MatchPosition(ahead + 1, eligible, Explain(query, index));
    }

    /// <summary>Whether the organisation is among the candidates at all (in scope, known to the index).</summary>
    public bool Contains(int organisationId) => IndexOf(organisationId) >= 0;

    private Match Explain(Query query, int i)
    {
        var parts = new double[10];
        var score = Score(query, i, parts);
        var reasons = new List<MatchReason>();
        for (var code = 0; code < parts.Length; code++)
        {
            if (parts[code] <= 0)
                continue;
            var reason = (ReasonCode)code;
            IReadOnlyList<int> themes = reason == ReasonCode.SharedThemes ? _themeBit.Where(t => (query.Themes & _themes[i] & (1UL << t.Value)) != 0).Select(t => t.Key).Order().ToList() : [];
            IReadOnlyList<string> languages = reason == ReasonCode.SharedLanguages ? _languageBit.Where(l => (query.Languages & _languages[i] & (1U << l.Value)) != 0).Select(l => l.Key).Order(StringComparer.Ordinal).ToList() : [];
            reasons.Add(new MatchReason(reason, score > 0 ? parts[code] / score : 0, themes, languages));
        }
        return new Match(_ids[i], Math.Round(score, 4), reasons.OrderByDescending(r => r.Share).ToList());
    }

    /// <summary>
    /// Every cell with an upper bound of its candidates' scores: the cell's bound, its flags' most, the most of
    /// themes and languages any of its candidates shares with the subject, added in <see cref="Score"/>'s order
    /// (rounding is monotonic: the sum is never below a candidate's).
    /// </summary>
    private PriorityQueue<int, double> CellsByBound(Query q)
    {
        var most = q.Bounds!.Most;
        var cells = new (int Cell, double Most)[most.Length];
        for (var cell = 0; cell < most.Length; cell++)
        {
            var themes = q.Themes == 0 || _weights.Themes < 0 ? 0 : q.ThemePoints[BitOperations.PopCount(q.Themes & _cellThemes[cell])];
            var languages = (q.Languages & _cellLanguages[cell]) != 0 ? Math.Max(0, _weights.Languages) : 0;
            // Negated (exactly) for the queue's lowest first: its default comparer costs no call per comparison.
            cells[cell] = (cell, -(most[cell] + _cellFlagPoints[cell] + themes + languages));
        }
        return new PriorityQueue<int, double>(cells);
    }

    private static bool IsExcluded(Query query, int i) => query.Excluded.Length > 0 && Array.BinarySearch(query.Excluded, i) >= 0;

    private bool Eligible(Query query, int i) => !IsExcluded(query, i) && Admitted(query, i);

    /// <summary>Whether the candidate meets the subject's wanted countries and sizes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Admitted(Query query, int i) =>
        (query.WantedCountries is not { } countries || countries[_country[i]])
        && (query.WantedBands == 0 || (query.WantedBands & _bandBit[i]) != 0);

    /// <summary>The ranges of candidates between the excluded ones (in order): the passes need no check per candidate.</summary>
    private IEnumerable<(int From, int To)> Between(int[] excluded)
    {
        var from = 0;
        foreach (var index in excluded)
        {
            yield return (from, index);
            from = index + 1;
        }
        yield return (from, _ids.Length);
    }

    /// <summary>
    /// The weighted sum of the signals; when <paramref name="parts"/> is given, each weighted signal by its <see cref="ReasonCode"/>.
    /// </summary>
    /// <remarks>
    /// Two shortcuts for the top-k loop, which passes the worst score kept as <paramref name="floor"/>: when an
    /// upper bound of the score, with each signal not yet worked out at its most, cannot beat it, the bound is
    /// returned at once, a value the loop discards as it would the exact score. First before size and distance
    /// (with the cell's bounds: most candidates stop there), then before the arcsine and exponential of near/far.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Score(Query q, int i, double[]? parts, double floor = double.NegativeInfinity)
    {
        var w = _weights;
        var flags = _flags[i];
        var themes = q.Themes == 0 ? 0 : q.ThemePoints[BitOperations.PopCount(q.Themes & _themes[i])];
        var languages = q.Languages != 0 && (q.Languages & _languages[i]) != 0 ? w.Languages : 0;

        var bounds = q.Bounds;
        if (bounds is not null)
        {
            var most = bounds.Most[_cell[i]] + _mostFlagPoints[flags] + themes + languages;
            if (most + _slack <= floor)
                return most;
        }

        var verified = (flags & VerifiedFlag) != 0 ? w.Verified : 0;
        var active = (flags & ActiveFlag) != 0 ? w.RecentlyActive : 0;
        var twoSided = (flags & CallsFlag) != 0 && Accepts(q, _calls[i]) ? w.TwoSided : 0;
        var wantedSize = q.WantedSizePoints;
        ref readonly var place = ref _places[i];
        var logRatio = _classPrior[_class[i]] + q.CountryPrior[_country[i]];

        // NaN when either size is unknown.
        var ratio = Math.Abs(q.Log10Population - place.Log10Population);
        double size = 0;
        if (!double.IsNaN(ratio))
        {
            logRatio += _prior.SizeRatio(ratio);
            if (q.WantedBands == 0)
                size = _sizePoints[Math.Min(_sizePoints.Length - 1, (int)(ratio * 100))];
        }

        // |v1 − v2|² on the unit sphere, NaN when either position is unknown: the prior's bins need no square root.
        var (dx, dy, dz) = (q.X - place.X, q.Y - place.Y, q.Z - place.Z);
        var chordSquared = (dx * dx) + (dy * dy) + (dz * dz);
        var located = !double.IsNaN(chordSquared);
        if (located)
            logRatio += _prior.DistanceByChordSquared(chordSquared);
        var prior = PriorPoints(logRatio);

        double near = 0, far = 0;
        if (located && q.Distance != DistancePreference.Any)
        {
            if (bounds is not null)
            {
                var most = Total(size, wantedSize, themes, languages, bounds.MostDistancePoints[_region[i]], 0, prior, verified, twoSided, active);
                if (most + _slack <= floor)
                    return most;
            }
            var distance = Kilometres(Math.Sqrt(chordSquared));
            if (q.Distance == DistancePreference.Near)
                near = w.Distance * Math.Exp(-distance / NearScaleKm);
            else
                far = w.Distance * (1 - Math.Exp(-distance / FarScaleKm));
        }

        if (parts is not null)
        {
            parts[(int)ReasonCode.SimilarSize] = size;
            parts[(int)ReasonCode.WantedSize] = wantedSize;
            parts[(int)ReasonCode.SharedThemes] = themes;
            parts[(int)ReasonCode.SharedLanguages] = languages;
            parts[(int)ReasonCode.Near] = near;
            parts[(int)ReasonCode.Far] = far;
            parts[(int)ReasonCode.KnownPattern] = prior;
            parts[(int)ReasonCode.Verified] = verified;
            parts[(int)ReasonCode.TheyLookForYou] = twoSided;
            parts[(int)ReasonCode.RecentlyActive] = active;
        }
        return Total(size, wantedSize, themes, languages, near, far, prior, verified, twoSided, active);
    }

    /// <summary>The prior's log-ratio as weighted points (<see cref="PriorScale"/>).</summary>
    private double PriorPoints(double logRatio) => _weights.Prior * PriorScale.ToUnit(logRatio);

    /// <summary>The score: the signals added in this order, always (another order could change the last bit, and with it the order of two candidates).</summary>
    private static double Total(double size, double wantedSize, double themes, double languages, double near, double far,
        double prior, double verified, double twoSided, double active) =>
        size + wantedSize + themes + languages + near + far + prior + verified + twoSided + active;

    private static bool Accepts(Query q, (ulong Countries, int Bands)[] calls)
    {
        foreach (var (countries, bands) in calls)
        {
            if ((countries == 0 || (countries & q.CountryBit) != 0) && (bands == 0 || (bands & q.BandBit) != 0))
                return true;
        }
        return false;
    }

    /// <summary>What the subject asks, worked out for a pass; with the bounds for the top-k loop's shortcuts when <paramref name="bounded"/>.</summary>
    private Query Prepare(MatchSubject s, bool bounded = false)
    {
        var w = _weights;
        bool[]? countries = null;
        if (s.WantedCountries.Count > 0)
        {
            countries = new bool[_countries.Length];
            foreach (var code in s.WantedCountries)
            {
                if (_countryIndex.TryGetValue(code, out var index))
                    countries[index] = true;
            }
        }

        // The subject itself and the excluded, as candidate indexes in order (one named twice does no harm).
        var excluded = s.Exclude.Append(s.OrganisationId ?? -1).Select(IndexOf).Where(index => index >= 0).Order().ToArray();

        var themes = ThemeMask(s.Themes);
        var themeCount = BitOperations.PopCount(themes);
        var wantedBands = s.WantedBands.Aggregate(0, (mask, band) => mask | (1 << (int)band));
        var log10Population = s.Population is > 0 ? Math.Log10(s.Population.Value) : double.NaN;
        var (x, y, z) = UnitVector(s.Latitude, s.Longitude);
        var wantedSizePoints = wantedBands != 0 ? w.Size : 0;

        var query = new Query
        {
            Excluded = excluded,
            CountryPrior = _countries.Select(c => _prior.CountryPair(s.CountryCode, c)).ToArray(),
            Bounds = null,
            Log10Population = log10Population,
            X = x,
            Y = y,
            Z = z,
            Themes = themes,
            // The themes' points by how many are shared, worked out as the plain formula would (none without themes).
            ThemePoints = themeCount == 0 ? [] : Enumerable.Range(0, 65).Select(shared => w.Themes * shared / (double)themeCount).ToArray(),
            Languages = LanguageMask(s.Languages),
            WantedCountries = countries,
            WantedBands = wantedBands,
            WantedSizePoints = wantedSizePoints,
            Distance = s.Distance,
            CountryBit = CountryMask([s.CountryCode]),
            BandBit = s.Band is { } own ? 1 << (int)own : 0,
        };
        return bounded ? query with { Bounds = Bound(query) } : query;
    }

    /// <summary>
    /// Per cell (a candidate class and region), the most all but themes, languages and flags can bring; per
    /// region, the most of near/far.
    /// </summary>
    private Bounds Bound(Query q)
    {
        var distance = _regions.Select(region => DistanceReach(region, q.X, q.Y, q.Z, q.Distance)).ToArray();
        var size = Enumerable.Range(0, _classPrior.Length).Select(c => SizeReach(c, q.Log10Population, similarityCounts: q.WantedBands == 0)).ToArray();
        var most = new double[_cells.Length];
        for (var cell = 0; cell < most.Length; cell++)
        {
            var (candidateClass, region) = _cells[cell];
            // (A negative weight turns the prior's points into at most 0.)
            var logRatio = _classPrior[candidateClass] + q.CountryPrior[_regions[region].Country] + size[candidateClass].MostPrior + distance[region].MostPrior;
            most[cell] = size[candidateClass].MostPoints + q.WantedSizePoints + distance[region].MostPoints + Math.Max(0, PriorPoints(logRatio));
        }
        return new Bounds(most, distance.Select(d => d.MostPoints).ToArray());
    }

    /// <summary>
    /// The most the size can add, for any candidate of the class, to the prior's log-ratio and as similarity points:
    /// the class bounds its size (<see cref="LinkPrior.Log10PopulationOfClass"/>), hence its ratio to the subject's.
    /// A size unknown on either side adds nothing.
    /// </summary>
    private (double MostPrior, double MostPoints) SizeReach(int candidateClass, double subjectLog10, bool similarityCounts)
    {
        if (double.IsNaN(subjectLog10) || LinkPrior.Log10PopulationOfClass(candidateClass) is not var (lowest, highest))
            return (0, 0);
        var nearest = Math.Max(0, Math.Max(lowest - subjectLog10, subjectLog10 - highest) - Hair);
        var farthest = Math.Max(subjectLog10 - lowest, highest - subjectLog10) + Hair;
        var mostPoints = similarityCounts ? _mostSizePointsFrom[Math.Min(_sizePoints.Length - 1, (int)(nearest * 100))] : 0;
        return (_prior.MostSizeRatio(nearest, farthest), mostPoints);
    }

    /// <summary>
    /// The most the distance can add, for any town of the region, to the prior's log-ratio and as near/far points.
    /// Every town lies within the region's radius of its centre, so its chord from the subject lies within the
    /// subject's chord to the centre ± the radius (the triangle inequality). A place unknown on either side adds nothing.
    /// </summary>
    private (double MostPrior, double MostPoints) DistanceReach(Region region, double x, double y, double z, DistancePreference preference)
    {
        if (double.IsNaN(x) || double.IsNaN(region.X))
            return (0, 0);
        var (dx, dy, dz) = (x - region.X, y - region.Y, z - region.Z);
        var toCentre = Math.Sqrt((dx * dx) + (dy * dy) + (dz * dz));
        var nearest = Math.Max(0, toCentre - region.Radius - Hair);
        var farthest = toCentre + region.Radius + Hair;
        var mostPrior = _prior.MostDistanceByChord(nearest, farthest);
        var w = Math.Max(0, _weights.Distance);
        var mostPoints = (1 + Hair) * preference switch
        {
            // near falls and far grows with the distance.
            DistancePreference.Near => w * Math.Exp(-Kilometres(nearest) / NearScaleKm),
            DistancePreference.Far => w * (1 - Math.Exp(-Kilometres(farthest) / FarScaleKm)),
            _ => 0,
        };
        return (mostPrior, mostPoints);
    }

    private static double Kilometres(double chord) => 2 * Geo.EarthRadiusKm * Math.Asin(Math.Min(1, chord / 2));

    /// <summary>Countries as bits of their index (up to 64 countries; an empty list, or one naming none of them, is "any").</summary>
    private ulong CountryMask(IEnumerable<string> countries) =>
        countries.Aggregate(0UL, (mask, c) => _countryIndex.TryGetValue(c, out var index) && index < 64 ? mask | (1UL << index) : mask);

    private ulong ThemeMask(IEnumerable<int> themes) =>
        themes.Aggregate(0UL, (mask, t) => _themeBit.TryGetValue(t, out var bit) ? mask | (1UL << bit) : mask);

    private uint LanguageMask(IEnumerable<string> languages) =>
        languages.Aggregate(0U, (mask, l) => _languageBit.TryGetValue(l, out var bit) ? mask | (1U << bit) : mask);

    /// <summary>A point on the unit sphere; NaN when the coordinates are unknown.</summary>
    private static (double X, double Y, double Z) UnitVector(double? latitude, double? longitude)
    {
        if (latitude is not { } lat || longitude is not { } lon)
            return (double.NaN, double.NaN, double.NaN);
        var (φ, λ) = (lat * Math.PI / 180, lon * Math.PI / 180);
        return (Math.Cos(φ) * Math.Cos(λ), Math.Cos(φ) * Math.Sin(λ), Math.Sin(φ));
    }

    /// <summary>Where a candidate is (a point on the unit sphere) and its size: NaN when unknown.</summary>
    private readonly record struct Place(double X, double Y, double Z, double Log10Population);

    /// <summary>
    /// Part of one country's towns: a centre and a radius (chords) that hold them all; or its towns of unknown
    /// place (a NaN centre).
    /// </summary>
    private readonly record struct Region(short Country, double X, double Y, double Z, double Radius)
    {
        /// <summary>
        /// Each country's located towns split, the widest part first, at the median of its longest side, until
        /// there are about <paramref name="budget"/> parts; each country's unlocated towns a part of their own.
        /// Returns the regions and each candidate's region.
        /// </summary>
        public static (Region[] Regions, ushort[] RegionOf) Divide(Place[] places, short[] countries, int budget)
        {
            var parts = new PriorityQueue<(short Country, int[] Members, Region Region), double>();
            var unlocated = new List<(short Country, int[] Members)>();
            foreach (var country in Enumerable.Range(0, places.Length).GroupBy(i => countries[i]))
            {
                var located = country.Where(i => !double.IsNaN(places[i].X)).ToArray();
                if (located.Length > 0)
                    Enqueue(country.Key, located);
                if (located.Length < country.Count())
                    unlocated.Add((country.Key, country.Where(i => double.IsNaN(places[i].X)).ToArray()));
            }
            while (parts.Count + unlocated.Count < budget && parts.TryPeek(out var widest, out _) && widest.Members.Length > 1)
            {
                parts.Dequeue();
                var axis = new Func<Place, double>[] { p => p.X, p => p.Y, p => p.Z }
                    .MaxBy(side => widest.Members.Max(i => side(places[i])) - widest.Members.Min(i => side(places[i])))!;
                var ordered = widest.Members.OrderBy(i => axis(places[i])).ToArray();
                Enqueue(widest.Country, ordered[..(ordered.Length / 2)]);
                Enqueue(widest.Country, ordered[(ordered.Length / 2)..]);
            }

            var all = parts.UnorderedItems.Select(p => (p.Element.Country, p.Element.Members, p.Element.Region))
                .Concat(unlocated.Select(u => (u.Country, u.Members, Region: new Region(u.Country, double.NaN, double.NaN, double.NaN, 0))))
                .OrderBy(p => p.Country).ThenBy(p => p.Members[0]).ToArray();
            var regionOf = new ushort[places.Length];
            for (var r = 0; r < all.Length; r++)
            {
                foreach (var i in all[r].Members)
                    regionOf[i] = (ushort)r;
            }
            return (all.Select(p => p.Region).ToArray(), regionOf);

            void Enqueue(short country, int[] members)
            {
                var (x, y, z) = (members.Average(i => places[i].X), members.Average(i => places[i].Y), members.Average(i => places[i].Z));
                var radius = members.Max(i => Math.Sqrt(Square(places[i].X - x) + Square(places[i].Y - y) + Square(places[i].Z - z)));
                parts.Enqueue((country, members, new Region(country, x, y, z, radius)), -radius);
            }

            static double Square(double d) => d * d;
        }
    }

    /// <summary>
    /// For the top-k loop's shortcuts. <paramref name="Most"/>: by cell (a candidate class and region), an upper bound
    /// of the score but for themes, languages and flags. <paramref name="MostDistancePoints"/>: by region, of near/far.
    /// </summary>
    private sealed record Bounds(double[] Most, double[] MostDistancePoints);

    /// <summary>What a subject asks, worked out once for the whole pass.</summary>
    private sealed record Query
    {
        public required int[] Excluded { get; init; }
        public required double[] CountryPrior { get; init; }
        public required Bounds? Bounds { get; init; }
        public required double Log10Population { get; init; }
        public required double X { get; init; }
        public required double Y { get; init; }
        public required double Z { get; init; }
        public required ulong Themes { get; init; }
        public required double[] ThemePoints { get; init; }
        public required uint Languages { get; init; }
        public required bool[]? WantedCountries { get; init; }
        public required int WantedBands { get; init; }
        public required double WantedSizePoints { get; init; }
        public required DistancePreference Distance { get; init; }
        public required ulong CountryBit { get; init; }
        public required int BandBit { get; init; }
    }
}
