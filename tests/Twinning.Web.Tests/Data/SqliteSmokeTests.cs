using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Data;

/// <summary>The zero-setup default: the platform creates and migrates its SQLite file and works on it.</summary>
public sealed class SqliteSmokeTests(SqliteSmokeTests.SqliteFactory factory) : IClassFixture<SqliteSmokeTests.SqliteFactory>
{
    [Fact]
    public async Task The_platform_runs_on_an_embedded_database_it_creates_itself()
    {
        var client = factory.CreateBrowserlikeClient();

        Assert.Equal("Healthy", await client.GetPageAsync("/health/ready"));
        await client.GetPageAsync("/en");
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "twinning.db")));

        // The import runs on SQLite too, and search answers the same as on PostgreSQL.
        Assert.Contains("\"name\":\"Köln\"", await client.GetPageAsync("/api/v1/organisations?q=koln&pageSize=1"), StringComparison.Ordinal);
        Assert.Contains("Thessaloníki", await client.GetPageAsync("/en/directory?q=thessaloniki"), StringComparison.Ordinal);

        await factory.CreateUserAsync("sqlite@example.org");
        var loggedIn = await factory.LoggedInClientAsync("sqlite@example.org");
        Assert.Contains("sqlite@example.org", await loggedIn.GetPageAsync("/en/manage"), StringComparison.Ordinal);
    }

    public sealed class SqliteFactory : TwinningFactory
    {
        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = base.Settings;
                settings["Database:Provider"] = "Sqlite";
                settings["ConnectionStrings:Twinning"] = string.Empty;
                settings["Directory:ImportOnStartup"] = "true";
                return settings;
            }
        }
    }
}
