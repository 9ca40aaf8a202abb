namespace Twinning.Infrastructure.Data;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Where the SQLite file, e-mail pickup folder and other local state live by default.</summary>
    public string DataDirectory { get; set; } = "App_Data";
}
