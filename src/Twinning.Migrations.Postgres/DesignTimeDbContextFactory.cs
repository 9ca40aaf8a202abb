using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Twinning.Infrastructure.Data;

namespace Twinning.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for Postgres without starting the web host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TwinningDbContext>
{
    public TwinningDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<TwinningDbContext>();
        builder.UseTwinningProvider(DatabaseProvider.Postgres, "Host=localhost;Database=twinning;Username=postgres", PostgresMigrationsMarker.AssemblyName);
        return new TwinningDbContext(builder.Options);
    }
}
