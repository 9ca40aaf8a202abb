using Microsoft.EntityFrameworkCore;

namespace Twinning.Infrastructure.Data;

/// <summary>
/// Points a context at one provider and that provider's migrations assembly. Shared by the web host
/// and the design-time factories so both build the same model.
/// </summary>
public static class TwinningDbContextOptions
{
    public static DbContextOptionsBuilder UseTwinningProvider(
        this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString, string migrationsAssembly)
    {
        ArgumentNullException.ThrowIfNull(options);
        return provider switch
        {
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString, npgsql => npgsql
                .MigrationsAssembly(migrationsAssembly)
                .EnableRetryOnFailure(maxRetryCount: 5, maxRetryDelay: TimeSpan.FromSeconds(10), errorCodesToAdd: null)),
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString, sqlite => sqlite
                .MigrationsAssembly(migrationsAssembly)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };
    }
}
