using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Twinning.Web.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL the tests run against: the server named by TWINNING_TEST_POSTGRES (a connection string
/// to a maintenance database, e.g. the one test.sh starts), or else a throwaway cluster this process
/// starts from the server binaries on the machine and deletes on exit. Each test host gets its own
/// database, so tests never see each other's data.
/// </summary>
public sealed class PostgresServer
{
    public const string EnvironmentVariable = "TWINNING_TEST_POSTGRES";

    private static readonly Lazy<PostgresServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _adminConnectionString;

    private PostgresServer(string adminConnectionString) => _adminConnectionString = adminConnectionString;

    public static PostgresServer Instance => Shared.Value;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public string CreateDatabase()
    {
        var name = "twinning_test_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    private static PostgresServer Start()
    {
        var given = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(given))
            return new PostgresServer(given);

        var bin = FindBinaries() ?? throw new InvalidOperationException(
            $"No PostgreSQL server binaries found (looked for /usr/lib/postgresql/*/bin/initdb). Install postgresql " +
            $"or set {EnvironmentVariable} to a connection string.");
        var asRoot = Environment.UserName == "root";
        var dataDir = Directory.CreateTempSubdirectory("twinning-pg-").FullName;
        var port = FreePort();
        if (asRoot)
            Run("chown", $"postgres:postgres {dataDir}");

        RunAs(asRoot, Path.Combine(bin, "initdb"), $"-D {dataDir} -U postgres -A trust -E UTF8 --no-locale");
        RunAs(asRoot, Path.Combine(bin, "pg_ctl"),
            $"-D {dataDir} -w -l {dataDir}/server.log -o \"-p {port} -c listen_addresses=127.0.0.1 -k {dataDir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start");

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                RunAs(asRoot, Path.Combine(bin, "pg_ctl"), $"-D {dataDir} -m immediate stop");
                Directory.Delete(dataDir, recursive: true);
            }
            catch (InvalidOperationException)
            {
                // The cluster is in a temporary folder; a failed stop leaves nothing that matters.
            }
        };

        return new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres");
    }

    private static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => d, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void RunAs(bool asRoot, string program, string arguments)
    {
        if (asRoot)
            Run("runuser", $"-u postgres -- {program} {arguments}");
        else
            Run(program, arguments);
    }

    private static void Run(string program, string arguments)
    {
        var info = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {arguments} failed ({process.ExitCode}): {output.Result} {error.Result}");
    }
}
