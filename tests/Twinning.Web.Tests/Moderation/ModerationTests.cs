using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Domain.Moderation;
using Twinning.Infrastructure.Data;
using Twinning.Web.Tests.Infrastructure;
using Twinning.Web.Tests.Requests;

namespace Twinning.Web.Tests.Moderation;

/// <summary>Users report content; CEMR's admins hide or restore it with a reason, or dismiss the report; all of it audited.</summary>
public sealed class ModerationTests(RequestWorld world) : IClassFixture<RequestWorld>
{
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_reported_request_reaches_the_queue_and_hiding_it_removes_it_from_public_view()
    {
        var id = await world.CreateRequestAsync("Buy our products cheap");
        var reporter = await world.ClientAsync(RequestWorld.OfficerB);
        var reported = await reporter.SubmitFormAsync($"/en/requests/details/{id}",
            new Dictionary<string, string> { ["Kind"] = "Request", ["ContentId"] = Id(id), ["Reason"] = "This is advertising." }, "/en/moderation/report");
        Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);
        var after = await reporter.GetPageAsync(reported.Location());
        Assert.Contains("Thank you", after[after.IndexOf("<main", StringComparison.Ordinal)..], StringComparison.Ordinal);

        var admin = await world.ClientAsync(RequestWorld.Admin);
        var queue = await admin.GetPageAsync("/en/moderation");
        Assert.Contains("This is advertising.", queue, StringComparison.Ordinal);
        Assert.Contains("Buy our products cheap", queue, StringComparison.Ordinal);

        await admin.SubmitFormAsync("/en/moderation", new Dictionary<string, string> { ["Kind"] = "Request", ["ContentId"] = Id(id), ["Reason"] = "Commercial advertising" }, "/en/moderation/hide");
        var anonymous = await world.ClientAsync("anonymous");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/en/requests/details/{id}")).StatusCode);
        Assert.DoesNotContain("Buy our products cheap", await anonymous.GetPageAsync("/en/requests?q=products"), StringComparison.Ordinal);
        // Its own officer still sees it, with the reason.
        var owner = await world.ClientAsync(RequestWorld.OfficerA);
        Assert.Contains("Commercial advertising", await owner.GetPageAsync($"/en/requests/details/{id}"), StringComparison.Ordinal);

        var (report, audited) = await world.WithServiceAsync(async sp =>
        {
            var db = sp.GetRequiredService<TwinningDbContext>();
            return (await db.Reports.SingleAsync(r => r.Kind == ContentKind.Request && r.ContentId == id),
                await db.AuditLog.AnyAsync(a => a.Action == "moderation.hidden" && a.Details!.Contains("Commercial advertising")));
        });
        Assert.Equal(ReportStatus.Hidden, report.Status);
        Assert.True(audited);

        await admin.SubmitFormAsync("/en/moderation", new Dictionary<string, string> { ["Kind"] = "Request", ["ContentId"] = Id(id) }, "/en/moderation/restore");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/en/requests/details/{id}")).StatusCode);
    }

    [Fact]
    public async Task Hiding_needs_a_reason()
    {
        var id = await world.CreateRequestAsync("Stays visible");
        var admin = await world.ClientAsync(RequestWorld.Admin);
        await admin.SubmitFormAsync("/en/moderation", new Dictionary<string, string> { ["Kind"] = "Request", ["ContentId"] = Id(id), ["Reason"] = " " }, "/en/moderation/hide");
        Assert.False((await world.RequestAsync(id)).IsHidden);
    }

    [Fact]
    public async Task A_hidden_profile_text_disappears_for_the_public_but_not_for_its_officers()
    {
        await world.WithServiceAsync(async sp =>
        {
            var db = sp.GetRequiredService<TwinningDbContext>();
            var town = await db.Organisations.Include(o => o.Descriptions).Include(o => o.Themes).SingleAsync(o => o.Id == world.TownB);
            town.EditProfile(new Dictionary<string, string> { ["fr"] = "Texte inapproprié de la commune" }, [], ["fr"], DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        var admin = await world.ClientAsync(RequestWorld.Admin);
        await admin.SubmitFormAsync($"/en/directory/profile/{world.TownB}",
            new Dictionary<string, string> { ["Kind"] = "Profile", ["ContentId"] = Id(world.TownB), ["Reason"] = "Offensive words" }, "/en/moderation/hide");

        var anonymous = await world.ClientAsync("anonymous");
        var page = await anonymous.GetPageAsync($"/en/directory/profile/{world.TownB}");
        Assert.DoesNotContain("Texte inapproprié", page, StringComparison.Ordinal);
        Assert.Contains("Hidden by a moderator", page, StringComparison.Ordinal);
        var officer = await world.ClientAsync(RequestWorld.OfficerB);
        Assert.Contains("Texte inappropri", await officer.GetPageAsync($"/en/directory/profile/{world.TownB}"), StringComparison.Ordinal);

        await admin.SubmitFormAsync("/en/moderation", new Dictionary<string, string> { ["Kind"] = "Profile", ["ContentId"] = Id(world.TownB) }, "/en/moderation/restore");
        Assert.Contains("Texte inappropri", await anonymous.GetPageAsync($"/en/directory/profile/{world.TownB}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_without_reason_is_refused_and_a_dismissed_report_leaves_the_queue()
    {
        var id = await world.CreateRequestAsync("Perfectly fine request");
        var reporter = await world.ClientAsync(RequestWorld.OfficerB);
        await reporter.SubmitFormAsync($"/en/requests/details/{id}", new Dictionary<string, string> { ["Kind"] = "Request", ["ContentId"] = Id(id), ["Reason"] = "" }, "/en/moderation/report");
        Assert.False(await world.WithServiceAsync(sp => sp.GetRequiredService<TwinningDbContext>().Reports.AnyAsync(r => r.ContentId == id && r.Kind == ContentKind.Request)));

        await reporter.SubmitFormAsync($"/en/requests/details/{id}", new Dictionary<string, string> { ["Kind"] = "Request", ["ContentId"] = Id(id), ["Reason"] = "I disagree with it" }, "/en/moderation/report");
        var reportId = await world.WithServiceAsync(sp => sp.GetRequiredService<TwinningDbContext>().Reports.Where(r => r.ContentId == id && r.Kind == ContentKind.Request).Select(r => r.Id).SingleAsync());
        var admin = await world.ClientAsync(RequestWorld.Admin);
        await admin.SubmitFormAsync("/en/moderation", new Dictionary<string, string>(), $"/en/moderation/dismiss/{reportId}");
        Assert.DoesNotContain("I disagree with it", await admin.GetPageAsync("/en/moderation"), StringComparison.Ordinal);
        Assert.False((await world.RequestAsync(id)).IsHidden);
    }
}
