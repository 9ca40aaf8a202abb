using System.Globalization;
using System.Numerics;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using Twinning.Domain.Directory;
using Twinning.Domain.Matching;

namespace Twinning.Benchmarks;

/// <summary>
/// The <see cref="Matcher"/>'s score written as one SQL query on PostgreSQL, for the comparison in
/// <see cref="MatchingBenchmarks"/> (issue 5). The candidates are copied once into a table with the
/// columns the Matcher precomputes in its arrays (unit vector, log10 population, candidate prior, masks);
/// per query, the country-pair prior by country, the prior's size-ratio and distance bins, the size
/// similarity table and the weights go in as parameters, and PostgreSQL scores every row and keeps the
/// top k (a top-N heap sort under the LIMIT). Leaves out the two-sided "looking for a partner like you"
/// and "recently active" signals: both are zero when no candidate has open requests, as in the benchmark.
/// </summary>
public sealed class SqlMatcher : IDisposable
{
    public const string Table = "bench_match_candidate";

    private const double NearScaleKm = 300;
    private const double FarScaleKm = 1200;

    /// <summary>The Matcher's size-similarity table (exp(−|ln ratio| / 1.5) by |log10 ratio| in hundredths); a drift shows in the setup's check.</summary>
    private static readonly double[] SizeSimilarity = [.. Matcher.SizeSimilarityTable];

    private static readonly string RankSql = string.Create(CultureInfo.InvariantCulture, $"""
        SELECT c.id,
               -- the same terms, in the same order, as Matcher.Score
               CASE WHEN cardinality(@wanted_bands) = 0 THEN coalesce(@w_size * @size_similarity[least(800, floor(k.ratio * 100)::int) + 1], 0) ELSE 0 END
             + CASE WHEN cardinality(@wanted_bands) = 0 THEN 0 ELSE @w_size END
             + CASE WHEN @theme_count = 0 THEN 0 ELSE @w_themes * bit_count((@themes & c.themes)::bit(64)) / @theme_count::float8 END
             + CASE WHEN (@languages & c.languages) <> 0 THEN @w_languages ELSE 0 END
             + CASE WHEN @distance = 1 THEN coalesce(@w_distance * exp(-(2 * {Geo.EarthRadiusKm:R}::float8 * asin(least(1, k.chord / 2))) / {NearScaleKm}), 0) ELSE 0 END
             + CASE WHEN @distance = 2 THEN coalesce(@w_distance * (1 - exp(-(2 * {Geo.EarthRadiusKm:R}::float8 * asin(least(1, k.chord / 2))) / {FarScaleKm})), 0) ELSE 0 END
             + @w_prior * greatest(0, least(1, (c.candidate_prior + @country_prior[c.country]
                                                + coalesce(@size_ratio_prior[least(7, floor(k.ratio * 2)::int) + 1], 0)
                                                + coalesce(@distance_prior[width_bucket(k.chord, @chord_bounds) + 1], 0) + 8) / 16))
             + CASE WHEN c.verified THEN @w_verified ELSE 0 END AS score
        FROM {Table} c
        CROSS JOIN LATERAL (
            SELECT abs(@log10_population - c.log10_population) AS ratio,
                   sqrt((@x - c.x) * (@x - c.x) + (@y - c.y) * (@y - c.y) + (@z - c.z) * (@z - c.z)) AS chord) k
        WHERE c.id <> @self
          AND c.id <> ALL(@exclude)
          AND (cardinality(@wanted_countries) = 0 OR c.country = ANY(@wanted_countries))
          AND (cardinality(@wanted_bands) = 0 OR c.band = ANY(@wanted_bands))
        ORDER BY score DESC, c.id
        LIMIT @top
        """);

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlCommand _rank;
    private readonly string[] _countries;
    private readonly Dictionary<string, short> _countryIndex;
    private readonly Dictionary<int, int> _themeBit;
    private readonly Dictionary<string, int> _languageBit;
    private readonly LinkPrior _prior;

    /// <summary>Creates and fills the table (binary COPY), indexes and analyses it, and prepares the ranking query.</summary>
    public SqlMatcher(string connectionString, IEnumerable<DirectoryEntry> candidates, LinkPrior prior, MatchWeights weights, IReadOnlyDictionary<int, int>? partnerCounts = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(prior);
        ArgumentNullException.ThrowIfNull(weights);
        // The same choices as the Matcher's constructor: in-scope only, countries and bits in ordinal order.
        var entries = candidates.Where(c => c.InScope).ToArray();
        _prior = prior;
        _countries = entries.Select(e => e.CountryCode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        // 1-based: PostgreSQL arrays start at 1.
        _countryIndex = _countries.Select((c, i) => (c, (short)(i + 1))).ToDictionary(x => x.c, x => x.Item2, StringComparer.Ordinal);
        _themeBit = entries.SelectMany(e => e.ThemeIds).Distinct().Order().Take(64).Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i);
        _languageBit = entries.SelectMany(e => e.WorkingLanguages).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(32)
            .Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);

        _connection = new NpgsqlConnection(connectionString);
        _connection.Open();
        // Plan each execution with its values (as an unprepared query would, without parsing it again): a cached
        // generic plan evaluates every parameter test (wanted bands? near or far?) per row, ~1.3–1.8× slower here.
        Execute("SET plan_cache_mode = force_custom_plan");
        Execute($"""
            DROP TABLE IF EXISTS {Table};
            CREATE TABLE {Table} (
                id integer PRIMARY KEY,
                band smallint NOT NULL,              -- PopulationBand, -1 when unknown
                country smallint NOT NULL,           -- 1-based index into @country_prior
                x double precision, y double precision, z double precision, -- unit vector, NULL when unknown
                log10_population double precision,   -- NULL when unknown
                candidate_prior double precision NOT NULL, -- LinkPrior.Candidate(population, partners)
                themes bigint NOT NULL,
                languages integer NOT NULL,
                verified boolean NOT NULL)
            """);
        using (var copy = _connection.BeginBinaryImport(
            $"COPY {Table} (id, band, country, x, y, z, log10_population, candidate_prior, themes, languages, verified) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var e in entries)
            {
                var unit = UnitVector(e.Latitude, e.Longitude);
                copy.StartRow();
                copy.Write(e.Id, NpgsqlDbType.Integer);
                copy.Write(e.Band is { } band ? (short)band : (short)-1, NpgsqlDbType.Smallint);
                copy.Write(_countryIndex[e.CountryCode], NpgsqlDbType.Smallint);
                WriteNullable(copy, unit?.X);
                WriteNullable(copy, unit?.Y);
                WriteNullable(copy, unit?.Z);
                WriteNullable(copy, e.Population is > 0 ? Math.Log10(e.Population.Value) : null);
                copy.Write(prior.Candidate(e.Population, partnerCounts?.GetValueOrDefault(e.Id) ?? 0), NpgsqlDbType.Double);
                copy.Write(unchecked((long)ThemeMask(e.ThemeIds)), NpgsqlDbType.Bigint);
                copy.Write(unchecked((int)LanguageMask(e.WorkingLanguages)), NpgsqlDbType.Integer);
                copy.Write(e.IsVerified, NpgsqlDbType.Boolean);
            }
            copy.Complete();
        }
        // Indexes serve only selective hard filters (wanted countries, rare bands): the ranking must score every
        // eligible row, and no index can order by a score that depends on the query. The table (~6 MB) stays
        // under min_parallel_table_scan_size, so PostgreSQL scans it on one core, as the Matcher runs on one thread.
        Execute($"CREATE INDEX ON {Table} (band); CREATE INDEX ON {Table} (country)");
        Execute($"VACUUM ANALYZE {Table}");
        Count = entries.Length;

        _rank = new NpgsqlCommand(RankSql, _connection);
        var p = _rank.Parameters;
        p.Add(new NpgsqlParameter<int>("self", NpgsqlDbType.Integer));
        p.Add(new NpgsqlParameter<int[]>("exclude", NpgsqlDbType.Array | NpgsqlDbType.Integer));
        p.Add(new NpgsqlParameter<short[]>("wanted_countries", NpgsqlDbType.Array | NpgsqlDbType.Smallint));
        p.Add(new NpgsqlParameter<short[]>("wanted_bands", NpgsqlDbType.Array | NpgsqlDbType.Smallint));
        p.Add(new NpgsqlParameter<double[]>("country_prior", NpgsqlDbType.Array | NpgsqlDbType.Double));
        p.Add(new NpgsqlParameter("log10_population", NpgsqlDbType.Double));
        p.Add(new NpgsqlParameter("x", NpgsqlDbType.Double));
        p.Add(new NpgsqlParameter("y", NpgsqlDbType.Double));
        p.Add(new NpgsqlParameter("z", NpgsqlDbType.Double));
        p.Add(new NpgsqlParameter<long>("themes", NpgsqlDbType.Bigint));
        p.Add(new NpgsqlParameter<int>("theme_count", NpgsqlDbType.Integer));
        p.Add(new NpgsqlParameter<int>("languages", NpgsqlDbType.Integer));
        p.Add(new NpgsqlParameter<int>("distance", NpgsqlDbType.Integer));
        p.Add(new NpgsqlParameter<int>("top", NpgsqlDbType.Integer));
        // What does not change with the query still goes with it, as the brief of the comparison says: tables and weights.
        p.Add(new NpgsqlParameter<double[]>("size_ratio_prior", NpgsqlDbType.Array | NpgsqlDbType.Double) { TypedValue = [.. prior.SizeRatioLogRatios] });
        p.Add(new NpgsqlParameter<double[]>("chord_bounds", NpgsqlDbType.Array | NpgsqlDbType.Double) { TypedValue = [.. LinkPrior.DistanceChordBounds] });
        p.Add(new NpgsqlParameter<double[]>("distance_prior", NpgsqlDbType.Array | NpgsqlDbType.Double) { TypedValue = [.. prior.DistanceLogRatios] });
        p.Add(new NpgsqlParameter<double[]>("size_similarity", NpgsqlDbType.Array | NpgsqlDbType.Double) { TypedValue = SizeSimilarity });
        p.Add(new NpgsqlParameter<double>("w_size", NpgsqlDbType.Double) { TypedValue = weights.Size });
        p.Add(new NpgsqlParameter<double>("w_themes", NpgsqlDbType.Double) { TypedValue = weights.Themes });
        p.Add(new NpgsqlParameter<double>("w_languages", NpgsqlDbType.Double) { TypedValue = weights.Languages });
        p.Add(new NpgsqlParameter<double>("w_distance", NpgsqlDbType.Double) { TypedValue = weights.Distance });
        p.Add(new NpgsqlParameter<double>("w_prior", NpgsqlDbType.Double) { TypedValue = weights.Prior });
        p.Add(new NpgsqlParameter<double>("w_verified", NpgsqlDbType.Double) { TypedValue = weights.Verified });
        _rank.Prepare();
    }

    public int Count { get; }

    /// <summary>The best <paramref name="top"/> candidates, best first (ties by id), with their unrounded scores.</summary>
    public List<(int Id, double Score)> Rank(MatchSubject subject, int top)
    {
        Bind(subject, top);
        var ranked = new List<(int, double)>(top);
        using var reader = _rank.ExecuteReader();
        while (reader.Read())
            ranked.Add((reader.GetInt32(0), reader.GetDouble(1)));
        return ranked;
    }

    /// <summary>The query plan with actual times, for the benchmark log (without the sort key: the whole score expression).</summary>
    public string Explain(MatchSubject subject, int top)
    {
        Bind(subject, top);
        using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + RankSql, _connection);
        foreach (NpgsqlParameter parameter in _rank.Parameters)
            explain.Parameters.Add(parameter.Clone());
        var plan = new StringBuilder();
        using var reader = explain.ExecuteReader();
        while (reader.Read())
        {
            var line = reader.GetString(0);
            if (!line.TrimStart().StartsWith("Sort Key:", StringComparison.Ordinal))
                plan.AppendLine(line);
        }
        return plan.ToString();
    }

    public void Dispose()
    {
        _rank.Dispose();
        Execute($"DROP TABLE IF EXISTS {Table}");
        _connection.Dispose();
    }

    /// <summary>The per-query inputs, as the Matcher's Prepare computes them.</summary>
    private void Bind(MatchSubject s, int top)
    {
        var p = _rank.Parameters;
        ((NpgsqlParameter<int>)p["self"]).TypedValue = s.OrganisationId ?? -1;
        ((NpgsqlParameter<int[]>)p["exclude"]).TypedValue = [.. s.Exclude];
        ((NpgsqlParameter<short[]>)p["wanted_countries"]).TypedValue = s.WantedCountries
            .Select(c => _countryIndex.TryGetValue(c, out var index) ? index : (short)0).Where(i => i > 0).ToArray();
        ((NpgsqlParameter<short[]>)p["wanted_bands"]).TypedValue = s.WantedBands.Select(b => (short)b).ToArray();
        ((NpgsqlParameter<double[]>)p["country_prior"]).TypedValue = _countries.Select(c => _prior.CountryPair(s.CountryCode, c)).ToArray();
        p["log10_population"].Value = s.Population is > 0 ? (object)Math.Log10(s.Population.Value) : DBNull.Value;
        var unit = UnitVector(s.Latitude, s.Longitude);
        p["x"].Value = unit?.X ?? (object)DBNull.Value;
        p["y"].Value = unit?.Y ?? (object)DBNull.Value;
        p["z"].Value = unit?.Z ?? (object)DBNull.Value;
        var themes = ThemeMask(s.Themes);
        ((NpgsqlParameter<long>)p["themes"]).TypedValue = unchecked((long)themes);
        ((NpgsqlParameter<int>)p["theme_count"]).TypedValue = BitOperations.PopCount(themes);
        ((NpgsqlParameter<int>)p["languages"]).TypedValue = unchecked((int)LanguageMask(s.Languages));
        ((NpgsqlParameter<int>)p["distance"]).TypedValue = (int)s.Distance;
        ((NpgsqlParameter<int>)p["top"]).TypedValue = top;
    }

    private void Execute(string sql)
    {
        using var command = new NpgsqlCommand(sql, _connection);
        command.ExecuteNonQuery();
    }

    private static void WriteNullable(NpgsqlBinaryImporter copy, double? value)
    {
        if (value is { } v)
            copy.Write(v, NpgsqlDbType.Double);
        else
            copy.WriteNull();
    }

    private ulong ThemeMask(IEnumerable<int> themes) =>
        themes.Aggregate(0UL, (mask, t) => _themeBit.TryGetValue(t, out var bit) ? mask | (1UL << bit) : mask);

    private uint LanguageMask(IEnumerable<string> languages) =>
        languages.Aggregate(0U, (mask, l) => _languageBit.TryGetValue(l, out var bit) ? mask | (1U << bit) : mask);

    /// <summary>As the Matcher's: a point on the unit sphere, or null when the coordinates are unknown.</summary>
    private static (double X, double Y, double Z)? UnitVector(double? latitude, double? longitude)
    {
        if (latitude is not { } lat || longitude is not { } lon)
            return null;
        var (φ, λ) = (lat * Math.PI / 180, lon * Math.PI / 180);
        return (Math.Cos(φ) * Math.Cos(λ), Math.Cos(φ) * Math.Sin(λ), Math.Sin(φ));
    }
}
