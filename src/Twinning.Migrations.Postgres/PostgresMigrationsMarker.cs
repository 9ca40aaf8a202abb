namespace Twinning.Migrations.Postgres;

/// <summary>Names this assembly where EF Core needs the migrations assembly for Postgres.</summary>
public static class PostgresMigrationsMarker
{
    public static string AssemblyName { get; } = typeof(PostgresMigrationsMarker).Assembly.GetName().Name!;
}
