using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Twinning.Infrastructure.Data;
using Twinning.Infrastructure.Directory;
using Twinning.Migrations.Postgres;
using Twinning.Migrations.Sqlite;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Benchmarks;

/// <summary>
/// The full first-start import (20 themes, 66,780 towns, 14,973 links) into an empty, migrated database.
/// Goal: under 60 s on PostgreSQL. Each iteration gets a new database; needs the PostgreSQL server
/// binaries (or TWINNING_TEST_POSTGRES), as the tests do.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class DirectoryImportBenchmarks
{
    private TwinningDbContext _db = null!;

    [Params(DatabaseProvider.Postgres, DatabaseProvider.Sqlite)]
    public DatabaseProvider Provider { get; set; }

    [IterationSetup]
    public void CreateEmptyDatabase()
    {
        var builder = new DbContextOptionsBuilder<TwinningDbContext>();
        if (Provider == DatabaseProvider.Postgres)
            builder.UseTwinningProvider(Provider, PostgresServer.Instance.CreateDatabase(), PostgresMigrationsMarker.AssemblyName);
        else
            builder.UseTwinningProvider(Provider, $"Data Source={Path.Combine(Path.GetTempPath(), $"twinning-bench-{Guid.NewGuid():N}.db")}", SqliteMigrationsMarker.AssemblyName);
        _db = new TwinningDbContext(builder.Options);
        _db.Database.Migrate();
    }

    [IterationCleanup]
    public void Dispose() => _db.Dispose();

    [Benchmark]
    public Task<DirectoryImportResult> ImportEverything() =>
        new DirectoryImporter(_db, TimeProvider.System, NullLogger<DirectoryImporter>.Instance).ImportAllAsync();
}
