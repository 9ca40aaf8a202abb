namespace Twinning.Infrastructure.Data;

public enum DatabaseProvider
{
    /// <summary>Embedded, zero-setup: the default of <c>dotnet run</c>.</summary>
    Sqlite,

    /// <summary>Production and the test suites.</summary>
    Postgres,
}
