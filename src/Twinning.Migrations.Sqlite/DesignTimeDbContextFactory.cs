using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Twinning.Infrastructure.Data;

namespace Twinning.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for Sqlite without starting the web host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TwinningDbContext>
{
    public TwinningDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<TwinningDbContext>();
        builder.UseTwinningProvider(DatabaseProvider.Sqlite, "Data Source=design-time.db", SqliteMigrationsMarker.AssemblyName);
        return new TwinningDbContext(builder.Options);
    }
}
