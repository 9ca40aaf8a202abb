using Microsoft.EntityFrameworkCore;
using Twinning.Infrastructure.Data;
using Twinning.Migrations.Postgres;
using Twinning.Migrations.Sqlite;

namespace Twinning.Web.Tests.Data;

/// <summary>A model change without its migration fails here, for each provider.</summary>
public sealed class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public void Each_provider_has_a_migration_for_every_model_change(DatabaseProvider provider)
    {
        var (connection, assembly) = provider == DatabaseProvider.Postgres
            ? ("Host=localhost;Database=unused", PostgresMigrationsMarker.AssemblyName)
            : ("Data Source=:memory:", SqliteMigrationsMarker.AssemblyName);
        var builder = new DbContextOptionsBuilder<TwinningDbContext>();
        builder.UseTwinningProvider(provider, connection, assembly);
        using var context = new TwinningDbContext(builder.Options);

        Assert.NotEmpty(context.Database.GetMigrations());
        Assert.False(context.Database.HasPendingModelChanges(), $"{provider}: run dotnet ef migrations add for this model change.");
    }
}
