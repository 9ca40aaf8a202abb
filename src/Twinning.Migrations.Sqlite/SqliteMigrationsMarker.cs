namespace Twinning.Migrations.Sqlite;

/// <summary>Names this assembly where EF Core needs the migrations assembly for Sqlite.</summary>
public static class SqliteMigrationsMarker
{
    public static string AssemblyName { get; } = typeof(SqliteMigrationsMarker).Assembly.GetName().Name!;
}
