using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Twinning.Infrastructure.Data;
using Twinning.Infrastructure.Directory;
using Twinning.Migrations.Postgres;
using Twinning.Migrations.Sqlite;
using Twinning.Web.Security;

namespace Twinning.Web.Hosting;

internal static class DataExtensions
{
    public const string ConnectionStringName = "Twinning";

    public static void AddTwinningData(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.SectionName));
        builder.Services.AddSingleton<DataDirectory>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var environment = sp.GetRequiredService<IWebHostEnvironment>();
            return new DataDirectory(Path.GetFullPath(options.DataDirectory, environment.ContentRootPath));
        });

        // Provider and connection string are read when the context is first built, not here, so that
        // test hosts can override them. The options are built once (a singleton; the interceptor is one too),
        // not for every request: that was ~5 % of a suggestions answer.
        builder.Services.AddDbContext<TwinningDbContext>((sp, options) =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var configuration = sp.GetRequiredService<IConfiguration>();
            var connectionString = configuration.GetConnectionString(ConnectionStringName);
            if (database.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(connectionString))
                connectionString = $"Data Source={Path.Combine(sp.GetRequiredService<DataDirectory>().Path, "twinning.db")}";
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is required for {database.Provider}.");

            var migrations = database.Provider == DatabaseProvider.Postgres
                ? PostgresMigrationsMarker.AssemblyName
                : SqliteMigrationsMarker.AssemblyName;
            options.UseTwinningProvider(database.Provider, connectionString, migrations);
            options.AddInterceptors(sp.GetRequiredService<Features.Requests.RequestChangeInterceptor>());
        }, optionsLifetime: ServiceLifetime.Singleton);

        builder.Services.AddDataProtection()
            .SetApplicationName("Twinning")
            .PersistKeysToDbContext<TwinningDbContext>();
    }

    /// <summary>Applies pending migrations (never EnsureCreated) and seeds roles and the first admin.</summary>
    public static async Task InitializeTwinningDatabaseAsync(this WebApplication app, bool importDirectory = true)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<TwinningDbContext>();
        if (db.Database.IsSqlite())
            Directory.CreateDirectory(services.GetRequiredService<DataDirectory>().Path);

        await db.Database.MigrateAsync();
        await services.GetRequiredService<IdentitySeeder>().SeedAsync();

        var importer = services.GetRequiredService<DirectoryImporter>();
        // Several instances may start together on one PostgreSQL: one imports, the others wait and find it done.
        await db.Database.OpenConnectionAsync();
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(7301)");
        try
        {
            await importer.SeedThemesAsync();
            // The first start on an empty database loads every European town, so the directory is never empty.
            if (importDirectory && app.Configuration.GetValue("Directory:ImportOnStartup", true) && !await db.Organisations.AnyAsync())
            {
                var logger = services.GetRequiredService<ILogger<DirectoryImporter>>();
                logger.LogInformation("Empty directory: importing Europe's towns and known twinning links (a few seconds)");
                await importer.ImportAllAsync(new Progress<string>(line => logger.LogInformation("Import: {Progress}", line)));
            }
        }
        finally
        {
            if (db.Database.IsNpgsql())
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(7301)");
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>The absolute folder for local state (SQLite file, mail pickup).</summary>
internal sealed record DataDirectory(string Path);
