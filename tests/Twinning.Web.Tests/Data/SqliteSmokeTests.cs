using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Domain.Accounts;
using Twinning.Domain.Verification;
using Twinning.Infrastructure.Data;
using Twinning.Web.Features.Directory;
using Twinning.Web.Features.Notifications;
using Twinning.Web.Features.Requests;
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

    [Fact]
    public async Task Requests_conversations_notifications_and_moderation_work_on_sqlite()
    {
        var townA = await factory.CreateTownAsync("Sqlite-Stadt", "DE");
        var townB = await factory.CreateTownAsync("Sqlite-Ville", "FR");
        var a = await factory.CreateUserAsync("a@sqlite-stadt.example");
        var b = await factory.CreateUserAsync("b@sqlite-ville.example");
        var adminKey = await factory.CreateTwoFactorUserAsync("admin@sqlite.example", Roles.Admin);
        await factory.WithServiceAsync(async sp =>
        {
            var db = sp.GetRequiredService<TwinningDbContext>();
            foreach (var town in await db.Organisations.Where(o => o.Id == townA || o.Id == townB).ToListAsync())
                town.MarkVerified(DateTimeOffset.UtcNow);
            db.Officers.Add(new OrganisationOfficer(townA, a.Id, "officer", DateTimeOffset.UtcNow));
            db.Officers.Add(new OrganisationOfficer(townB, b.Id, "officer", DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        await factory.Services.GetRequiredService<DirectoryIndexLoader>().ReloadAsync();
        var id = townA.ToString(CultureInfo.InvariantCulture);

        var officerA = await factory.LoggedInClientAsync("a@sqlite-stadt.example");
        var created = await officerA.SubmitFormAsync($"/en/requests/create?organisationId={id}", new Dictionary<string, string>
        {
            ["Input.OrganisationId"] = id,
            ["Input.Purpose"] = "ExperienceExchange",
            ["Input.Texts[0].Language"] = "de",
            ["Input.Texts[0].Title"] = "Erfahrungsaustausch Bürgerbeteiligung",
            ["Input.Texts[0].Description"] = "Wir möchten voneinander lernen.",
            ["Input.Deadline"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.Submit"] = "true",
        }, "/en/requests/create");
        var requestId = created.Location().Split('/')[^1];
        await officerA.GetPageAsync("/en/requests/mine");

        // No association covers Germany here: an admin validates.
        var admin = await factory.LoggedInClientAsync("admin@sqlite.example", adminKey);
        Assert.Contains("Erfahrungsaustausch", await admin.GetPageAsync("/en/requests/review"), StringComparison.Ordinal);
        await admin.SubmitFormAsync("/en/requests/review", new Dictionary<string, string> { ["Id"] = requestId }, "/en/requests/validate");
        Assert.Contains("Erfahrungsaustausch", await admin.GetPageAsync("/en/requests?q=burgerbeteiligung&openOn=" + DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), StringComparison.Ordinal);

        var officerB = await factory.LoggedInClientAsync("b@sqlite-ville.example");
        var answered = await officerB.SubmitFormAsync($"/en/conversations/answer?requestId={requestId}", new Dictionary<string, string>
        {
            ["Input.RequestId"] = requestId,
            ["Input.OrganisationId"] = townB.ToString(CultureInfo.InvariantCulture),
            ["Input.Body"] = "Nous serions ravis.",
        }, "/en/conversations/answer");
        Assert.Contains("/conversations/details/", answered.Location(), StringComparison.Ordinal);
        Assert.Contains("Sqlite-Ville", await officerA.GetPageAsync("/en/conversations"), StringComparison.Ordinal);
        Assert.Contains("Nous serions ravis.", await officerA.GetPageAsync(answered.Location()), StringComparison.Ordinal);
        Assert.Contains("Sqlite-Ville", await officerA.GetPageAsync("/en/notifications"), StringComparison.Ordinal);
        await officerA.GetPageAsync($"/en/conversations/answers/{requestId}");
        await factory.Services.GetRequiredService<NotificationMailer>().RunOnceAsync();
        await factory.Smtp.WaitForAsync("a@sqlite-stadt.example", m => m.TextBody?.Contains("Sqlite-Ville", StringComparison.Ordinal) == true);

        await officerB.SubmitFormAsync($"/en/requests/details/{requestId}", new Dictionary<string, string> { ["Kind"] = "Request", ["ContentId"] = requestId, ["Reason"] = "Test report" }, "/en/moderation/report");
        Assert.Contains("Test report", await admin.GetPageAsync("/en/moderation"), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithServiceAsync(sp => sp.GetRequiredService<RequestWorkflow>().ExpireDueAsync(CancellationToken.None)));

        // Matching on SQLite: the index rebuilds with the messages and the published request, and both answer.
        await factory.Services.GetRequiredService<Twinning.Web.Features.Matching.MatchingIndexLoader>().ReloadAsync(force: true);
        Assert.StartsWith("[{", await admin.GetPageAsync($"/api/v1/organisations/{id}/suggestions?top=5"), StringComparison.Ordinal);
        Assert.StartsWith("[{", await officerA.GetPageAsync($"/api/v1/requests/{requestId}/candidates"), StringComparison.Ordinal);
        Assert.Contains("suggestion-list", await officerA.GetPageAsync($"/en/matching/candidates/{requestId}"), StringComparison.Ordinal);
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
