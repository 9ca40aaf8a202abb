using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Twinning.Domain.Directory;
using Twinning.Infrastructure.Data;

namespace Twinning.Infrastructure.Directory;

/// <summary>
/// Loads the shipped towns, known links and themes. Idempotent: a re-run updates towns by GeoNames id
/// and adds only missing links and themes, never duplicates. PostgreSQL gets binary COPY into a staging
/// table and one upsert; SQLite one prepared upsert per town in a single transaction.
/// </summary>
public sealed class DirectoryImporter(TwinningDbContext db, TimeProvider clock, ILogger<DirectoryImporter> logger)
{
    public async Task<DirectoryImportResult> ImportAllAsync(IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var themes = await SeedThemesAsync(cancellationToken);
        progress?.Report($"themes: {themes} added");
        var towns = await ImportTownsAsync(progress, cancellationToken);
        var links = await ImportLinksAsync(progress, cancellationToken);
        logger.LogInformation("Directory import: {Towns} towns, {Links} new links, {Themes} new themes", towns, links, themes);
        return new DirectoryImportResult(towns, links, themes);
    }

    public async Task<int> SeedThemesAsync(CancellationToken cancellationToken = default)
    {
        var existing = await db.Themes.Select(t => t.Key).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var seed in DirectoryData.ReadThemes().Where(s => !existing.Contains(s.Key)))
        {
            var theme = new Theme(seed.Key);
            foreach (var (language, name) in seed.Names)
                theme.Name(language, name);
            db.Themes.Add(theme);
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    public async Task<int> ImportTownsAsync(IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var towns = DirectoryData.ReadTowns().ToList();
        progress?.Report($"towns: {towns.Count} read");
        var now = clock.GetUtcNow();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                if (db.Database.IsNpgsql())
                    await UpsertTownsPostgresAsync((NpgsqlConnection)db.Database.GetDbConnection(), towns, now, progress, cancellationToken);
                else
                    await UpsertTownsSqliteAsync((SqliteConnection)db.Database.GetDbConnection(), towns, now, progress, cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });
        return towns.Count;
    }

    public async Task<int> ImportLinksAsync(IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var ids = await db.Organisations.AsNoTracking()
            .Where(o => o.GeoNamesId != null)
            .Select(o => new { GeoNamesId = o.GeoNamesId!.Value, o.Id })
            .ToDictionaryAsync(o => o.GeoNamesId, o => o.Id, cancellationToken);
        var known = await db.TwinningLinks.AsNoTracking()
            .Select(l => new { l.OrganisationAId, l.OrganisationBId })
            .ToListAsync(cancellationToken);
        var present = known.Select(l => (l.OrganisationAId, l.OrganisationBId)).ToHashSet();

        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var (a, b) in DirectoryData.ReadKnownLinks())
        {
            if (!ids.TryGetValue(a, out var first) || !ids.TryGetValue(b, out var second) || first == second)
                continue;
            var link = new TwinningLink(first, second, LinkType.Twinning, LinkStatus.Active, LinkSource.KnownLinks, now);
            if (!present.Add((link.OrganisationAId, link.OrganisationBId)))
                continue;
            db.TwinningLinks.Add(link);
            added++;
        }

        progress?.Report($"links: {added} added");
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return added;
    }

    private static async Task UpsertTownsPostgresAsync(NpgsqlConnection connection, List<TownRecord> towns, DateTimeOffset now,
        IProgress<string>? progress, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Execute(connection, """
            CREATE TEMP TABLE import_towns (
                geonames_id integer, name text, search_name text, country text, admin_code text,
                population bigint, band text, latitude double precision, longitude double precision, in_scope boolean
            ) ON COMMIT DROP
            """, cancellationToken);

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY import_towns (geonames_id, name, search_name, country, admin_code, population, band, latitude, longitude, in_scope) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var town in towns)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(town.GeoNamesId, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(Truncate(town.Name), NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(Truncate(SearchText.Normalize(town.Name)), NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(town.CountryCode, NpgsqlDbType.Text, cancellationToken);
                await WriteNullable<string>(writer, town.AdminCode, NpgsqlDbType.Text, cancellationToken);
                await WriteNullable<long?>(writer, town.Population > 0 ? town.Population : null, NpgsqlDbType.Bigint, cancellationToken);
                await WriteNullable<string>(writer, town.Population > 0 ? PopulationBands.Classify(town.Population).ToString() : null, NpgsqlDbType.Text, cancellationToken);
                await WriteNullable<double?>(writer, town.Latitude, NpgsqlDbType.Double, cancellationToken);
                await WriteNullable<double?>(writer, town.Longitude, NpgsqlDbType.Double, cancellationToken);
                await writer.WriteAsync(town.InScope, NpgsqlDbType.Boolean, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        progress?.Report("towns: copied, merging");
        await using (var merge = new NpgsqlCommand("""
            INSERT INTO "Organisations" ("Kind", "GeoNamesId", "Name", "SearchName", "CountryCode", "AdminCode", "Population", "Band",
                "Latitude", "Longitude", "InScope", "IsVerified", "WorkingLanguages", "CreatedAt", "UpdatedAt", "ConcurrencyStamp", "Revision")
            SELECT 'Municipality', geonames_id, name, search_name, country, admin_code, population, band,
                latitude, longitude, in_scope, false, '', @now, @now, gen_random_uuid(), 0
            FROM import_towns
            ON CONFLICT ("GeoNamesId") DO UPDATE SET
                "Name" = EXCLUDED."Name", "SearchName" = EXCLUDED."SearchName", "CountryCode" = EXCLUDED."CountryCode",
                "AdminCode" = EXCLUDED."AdminCode", "Population" = EXCLUDED."Population", "Band" = EXCLUDED."Band",
                "Latitude" = EXCLUDED."Latitude", "Longitude" = EXCLUDED."Longitude", "InScope" = EXCLUDED."InScope",
                "UpdatedAt" = EXCLUDED."UpdatedAt", "ConcurrencyStamp" = EXCLUDED."ConcurrencyStamp",
                "Revision" = "Organisations"."Revision" + 1
            WHERE ("Organisations"."Name", "Organisations"."CountryCode", "Organisations"."AdminCode", "Organisations"."Population",
                   "Organisations"."Latitude", "Organisations"."Longitude", "Organisations"."InScope")
                IS DISTINCT FROM (EXCLUDED."Name", EXCLUDED."CountryCode", EXCLUDED."AdminCode", EXCLUDED."Population",
                   EXCLUDED."Latitude", EXCLUDED."Longitude", EXCLUDED."InScope")
            """, connection, transaction))
        {
            merge.Parameters.AddWithValue("now", now);
            await merge.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task UpsertTownsSqliteAsync(SqliteConnection connection, List<TownRecord> towns, DateTimeOffset now,
        IProgress<string>? progress, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO "Organisations" ("Kind", "GeoNamesId", "Name", "SearchName", "CountryCode", "AdminCode", "Population", "Band",
                "Latitude", "Longitude", "InScope", "IsVerified", "WorkingLanguages", "CreatedAt", "UpdatedAt", "ConcurrencyStamp", "Revision")
            VALUES ('Municipality', $id, $name, $search, $country, $admin, $population, $band, $lat, $lon, $scope, 0, '', $now, $now, $stamp, 0)
            ON CONFLICT ("GeoNamesId") DO UPDATE SET
                "Name" = excluded."Name", "SearchName" = excluded."SearchName", "CountryCode" = excluded."CountryCode",
                "AdminCode" = excluded."AdminCode", "Population" = excluded."Population", "Band" = excluded."Band",
                "Latitude" = excluded."Latitude", "Longitude" = excluded."Longitude", "InScope" = excluded."InScope",
                "UpdatedAt" = excluded."UpdatedAt", "ConcurrencyStamp" = excluded."ConcurrencyStamp",
                "Revision" = "Revision" + 1
            WHERE "Name" IS NOT excluded."Name" OR "CountryCode" IS NOT excluded."CountryCode" OR "AdminCode" IS NOT excluded."AdminCode"
               OR "Population" IS NOT excluded."Population" OR "Latitude" IS NOT excluded."Latitude"
               OR "Longitude" IS NOT excluded."Longitude" OR "InScope" IS NOT excluded."InScope"
            """;
        var p = new Dictionary<string, SqliteParameter>();
        foreach (var name in new[] { "$id", "$name", "$search", "$country", "$admin", "$population", "$band", "$lat", "$lon", "$scope", "$now", "$stamp" })
            p[name] = command.Parameters.Add(new SqliteParameter { ParameterName = name });
        // Stored as EF Core's SQLite provider stores DateTimeOffset, so EF reads it back unchanged.
        p["$now"].Value = now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
        command.Prepare();

        var done = 0;
        foreach (var town in towns)
        {
            p["$id"].Value = town.GeoNamesId;
            p["$name"].Value = Truncate(town.Name);
            p["$search"].Value = Truncate(SearchText.Normalize(town.Name));
            p["$country"].Value = town.CountryCode;
            p["$admin"].Value = (object?)town.AdminCode ?? DBNull.Value;
            p["$population"].Value = town.Population > 0 ? town.Population : DBNull.Value;
            p["$band"].Value = town.Population > 0 ? PopulationBands.Classify(town.Population).ToString() : DBNull.Value;
            p["$lat"].Value = (object?)town.Latitude ?? DBNull.Value;
            p["$lon"].Value = (object?)town.Longitude ?? DBNull.Value;
            p["$scope"].Value = town.InScope ? 1 : 0;
            p["$stamp"].Value = Guid.NewGuid().ToString().ToUpperInvariant();
            await command.ExecuteNonQueryAsync(cancellationToken);
            if (++done % 10_000 == 0)
                progress?.Report($"towns: {done:N0} of {towns.Count:N0}");
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static string Truncate(string value) => value.Length <= Organisation.NameMaxLength ? value : value[..Organisation.NameMaxLength];

    private static async Task WriteNullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
    {
        if (value is null)
            await writer.WriteNullAsync(cancellationToken);
        else
            await writer.WriteAsync(value, type, cancellationToken);
    }

    private static async Task Execute(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

public sealed record DirectoryImportResult(int Towns, int NewLinks, int NewThemes);
