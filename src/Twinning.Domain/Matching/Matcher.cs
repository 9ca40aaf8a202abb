using System.Numerics;
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
public sealed class Matcher
{
    private const double NearScaleKm = 300;
    private const double FarScaleKm = 1200;

    /// <summary>exp(−|ln ratio| / 1.5) by |log10 ratio| in hundredths (up to 10^8): a table instead of an Exp per candidate.</summary>
    private static readonly double[] SizeSimilarity = Enumerable.Range(0, 801).Select(h => Math.Exp(-(h / 100.0) * Math.Log(10) / 1.5)).ToArray();

    private readonly int[] _ids;
    private readonly long[] _population;
    private readonly sbyte[] _band;
    private readonly short[] _country;
    private readonly double[] _x;
    private readonly double[] _y;
    private readonly double[] _z;
    private readonly double[] _log10Population;
    private readonly double[] _candidatePrior;
    private readonly ulong[] _themes;
    private readonly uint[] _languages;
    private readonly Dictionary<int, int> _indexOf;
    private readonly byte[] _flags;
    private readonly Dictionary<int, (ulong Countries, int Bands)[]> _calls = [];
    private readonly string[] _countries;
    private readonly Dictionary<string, short> _countryIndex;
    private readonly Dictionary<int, int> _themeBit;
    private readonly Dictionary<string, int> _languageBit;
    private readonly LinkPrior _prior;
    private readonly MatchWeights _weights;

    private const byte VerifiedFlag = 1;
    private const byte ActiveFlag = 2;
    private const byte CallsFlag = 4;

    /// <summary>Builds the arrays from the directory and what else is known of the candidates.</summary>
    public Matcher(IEnumerable<DirectoryEntry> candidates, LinkPrior prior, MatchWeights weights, CandidateFacts? facts = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
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

        var n = entries.Length;
        _ids = new int[n];
        _population = new long[n];
        _band = new sbyte[n];
        _country = new short[n];
        _x = new double[n];
        _y = new double[n];
        _z = new double[n];
        _log10Population = new double[n];
        _candidatePrior = new double[n];
        _themes = new ulong[n];
        _languages = new uint[n];
        _flags = new byte[n];
        for (var i = 0; i < n; i++)
        {
            var e = entries[i];
            _ids[i] = e.Id;
            _population[i] = e.Population ?? 0;
            _band[i] = e.Band is { } band ? (sbyte)band : (sbyte)-1;
            _country[i] = _countryIndex[e.CountryCode];
            (_x[i], _y[i], _z[i]) = UnitVector(e.Latitude, e.Longitude);
            _log10Population[i] = e.Population is > 0 ? Math.Log10(e.Population.Value) : double.NaN;
            _themes[i] = ThemeMask(e.ThemeIds);
            _languages[i] = LanguageMask(e.WorkingLanguages);
            // What the prior says of the candidate alone (its size, its partners) does not change with the subject.
            _candidatePrior[i] = prior.Candidate(e.Population, facts.PartnerCounts.GetValueOrDefault(e.Id));
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
        }
        _indexOf = _ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
    }

    public int Count => _ids.Length;

    private int IndexOf(int organisationId) => _indexOf.GetValueOrDefault(organisationId, -1);

    /// <summary>The best <paramref name="top"/> candidates, best first, each with its reasons.</summary>
    public IReadOnlyList<Match> Rank(MatchSubject subject, int top)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (top <= 0)
            return [];
        var query = Prepare(subject);
        // A min-heap of the best so far: each candidate costs one comparison with the worst kept.
        var best = new PriorityQueue<int, double>(top + 1);
        for (var i = 0; i < _ids.Length; i++)
        {
            if (!Eligible(query, i))
                continue;
            var score = Score(query, i, null);
            if (best.Count < top)
                best.Enqueue(i, score);
            else if (best.TryPeek(out _, out var worst) && score > worst)
                best.EnqueueDequeue(i, score);
        }

        var ranked = new List<(int Index, double Score)>(best.Count);
        while (best.TryDequeue(out var index, out var score))
            ranked.Add((index, score));
        return ranked
            .OrderByDescending(r => r.Score).ThenBy(r => _ids[r.Index])
            .Select(r => Explain(query, r.Index))
            .ToList();
    }

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
        var query = Prepare(subject);
        if (index < 0 || !Eligible(query, index))
            return null;
        var own = Score(query, index, null);
        int ahead = 0, eligible = 0;
        for (var i = 0; i < _ids.Length; i++)
        {
            if (!Eligible(query, i))
                continue;
            eligible++;
            var score = Score(query, i, null);
            if (score > own || (score == own && _ids[i] < organisationId))
                ahead++;
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

    private bool Eligible(Query query, int i) =>
        _ids[i] != query.Self
        && (query.Exclude.Count == 0 || !query.Exclude.Contains(_ids[i]))
        && (query.WantedCountries is null || query.WantedCountries[_country[i]])
        && (query.WantedBands == 0 || (_band[i] >= 0 && (query.WantedBands & (1 << _band[i])) != 0));

    /// <summary>The weighted sum of the signals; when <paramref name="parts"/> is given, each weighted signal by its <see cref="ReasonCode"/>.</summary>
    private double Score(Query q, int i, double[]? parts)
    {
        var w = _weights;
        var logRatio = _candidatePrior[i] + q.CountryPrior[_country[i]];

        double size = 0, wantedSize = 0;
        if (q.WantedBands != 0)
            wantedSize = w.Size;
        if (!double.IsNaN(q.Log10Population) && !double.IsNaN(_log10Population[i]))
        {
            var ratio = Math.Abs(q.Log10Population - _log10Population[i]);
            logRatio += _prior.SizeRatio(ratio);
            if (q.WantedBands == 0)
                size = w.Size * SizeSimilarity[Math.Min(SizeSimilarity.Length - 1, (int)(ratio * 100))];
        }

        var themes = q.ThemeCount == 0 ? 0 : w.Themes * BitOperations.PopCount(q.Themes & _themes[i]) / (double)q.ThemeCount;
        var languages = (q.Languages & _languages[i]) != 0 ? w.Languages : 0;

        double near = 0, far = 0;
        if (!double.IsNaN(q.X) && !double.IsNaN(_x[i]))
        {
            var (dx, dy, dz) = (q.X - _x[i], q.Y - _y[i], q.Z - _z[i]);
            var chord = Math.Sqrt((dx * dx) + (dy * dy) + (dz * dz));
            logRatio += _prior.DistanceByChord(chord);
            if (q.Distance != DistancePreference.Any)
            {
                var distance = 2 * Geo.EarthRadiusKm * Math.Asin(Math.Min(1, chord / 2));
                if (q.Distance == DistancePreference.Near)
                    near = w.Distance * Math.Exp(-distance / NearScaleKm);
                else
                    far = w.Distance * (1 - Math.Exp(-distance / FarScaleKm));
            }
        }

        // The prior's log-ratio mapped linearly onto 0..1 over [-8, +8] (0.5 = as likely as chance): a logistic
        // would flatten the differences between the likeliest candidates, which are the ones that matter.
        var prior = w.Prior * Math.Clamp((logRatio + 8) / 16, 0, 1);
        var flags = _flags[i];
        var verified = (flags & VerifiedFlag) != 0 ? w.Verified : 0;
        var active = (flags & ActiveFlag) != 0 ? w.RecentlyActive : 0;
        var twoSided = (flags & CallsFlag) != 0 && Accepts(q, _calls[i]) ? w.TwoSided : 0;

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
        return size + wantedSize + themes + languages + near + far + prior + verified + twoSided + active;
    }

    private static bool Accepts(Query q, (ulong Countries, int Bands)[] calls)
    {
        foreach (var (countries, bands) in calls)
        {
            if ((countries == 0 || (countries & q.CountryBit) != 0) && (bands == 0 || (bands & q.BandBit) != 0))
                return true;
        }
        return false;
    }

    private Query Prepare(MatchSubject s)
    {
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
        var themes = ThemeMask(s.Themes);
        var (x, y, z) = UnitVector(s.Latitude, s.Longitude);
        return new Query(
            s.OrganisationId ?? -1,
            s.Exclude as IReadOnlySet<int> ?? s.Exclude.ToHashSet(),
            _countries.Select(c => _prior.CountryPair(s.CountryCode, c)).ToArray(),
            s.Population is > 0 ? Math.Log10(s.Population.Value) : double.NaN,
            x,
            y,
            z,
            themes,
            BitOperations.PopCount(themes),
            LanguageMask(s.Languages),
            countries,
            s.WantedBands.Aggregate(0, (mask, band) => mask | (1 << (int)band)),
            s.Distance,
            CountryMask([s.CountryCode]),
            s.Band is { } own ? 1 << (int)own : 0);
    }

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

    private sealed record Query(int Self, IReadOnlySet<int> Exclude, double[] CountryPrior, double Log10Population, double X, double Y, double Z,
        ulong Themes, int ThemeCount, uint Languages, bool[]? WantedCountries, int WantedBands, DistancePreference Distance,
        ulong CountryBit, int BandBit);
}
