using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Domain.Accounts;
using Twinning.Domain.Verification;
using Twinning.Infrastructure.Data;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Verification;

public sealed class ThemesAndColleaguesTests(TwinningFactory factory) : IClassFixture<TwinningFactory>
{
    [Fact]
    public async Task An_admin_adds_renames_and_retires_a_theme_and_the_directory_follows()
    {
        var key = await factory.CreateTwoFactorUserAsync("themes@cemr.example", Roles.Admin);
        var admin = await factory.LoggedInClientAsync("themes@cemr.example", key);

        var missing = await admin.SubmitFormAsync("/en/themes", new Dictionary<string, string> { ["Names[de]"] = "Nur Deutsch" }, action: "/en/themes/save");
        Assert.Contains("Enter the theme&#x27;s name in English.", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var added = await admin.SubmitFormAsync("/en/themes", new Dictionary<string, string> { ["Names[en]"] = "Water management", ["Names[de]"] = "Wasserwirtschaft" }, action: "/en/themes/save");
        Assert.Equal("/en/themes", added.Location());
        var anonymous = factory.CreateBrowserlikeClient();
        Assert.Contains("Wasserwirtschaft", await anonymous.GetPageAsync("/de/directory"), StringComparison.Ordinal);
        Assert.Contains("Water management", await anonymous.GetPageAsync("/fr/directory"), StringComparison.Ordinal);

        var id = await factory.WithServiceAsync(sp => sp.GetRequiredService<TwinningDbContext>().Themes.Where(t => t.Key == "water-management").Select(t => t.Id).SingleAsync());
        var idText = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await admin.SubmitFormAsync($"/en/themes?id={idText}", new Dictionary<string, string> { ["Id"] = idText, ["Names[en]"] = "Water and rivers", ["Names[fr]"] = "Eau et rivières" }, action: "/en/themes/save");
        Assert.Contains("Eau et rivières", await anonymous.GetPageAsync("/fr/directory"), StringComparison.Ordinal);

        var town = await factory.CreateTownAsync("Riverside", "IE");
        await factory.WithServiceAsync(async sp =>
        {
            var db = sp.GetRequiredService<TwinningDbContext>();
            var organisation = await db.Organisations.Include(o => o.Themes).Include(o => o.Descriptions).SingleAsync(o => o.Id == town);
            organisation.EditProfile(new Dictionary<string, string>(), [id], [], DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        await factory.Services.GetRequiredService<Twinning.Web.Features.Directory.DirectoryIndexLoader>().ReloadAsync();

        await admin.SubmitFormAsync("/en/themes", new Dictionary<string, string> { ["id"] = idText, ["retire"] = "true" }, action: "/en/themes/retire");
        Assert.DoesNotContain("Eau et rivières", await anonymous.GetPageAsync("/fr/directory"), StringComparison.Ordinal);
        // No longer offered, but still shown where it was chosen.
        Assert.Contains("Eau et rivières", await anonymous.GetPageAsync($"/fr/directory/profile/{town}"), StringComparison.Ordinal);
        Assert.Contains("Theme retired", await admin.GetPageAsync("/en/verification/audit"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_adds_a_colleague_who_can_then_edit_the_profile()
    {
        var town = await factory.CreateTownAsync("Colleagueville", "IE");
        var first = await factory.CreateUserAsync("first@colleagueville.example");
        await factory.CreateUserAsync("second@colleagueville.example", culture: "ga");
        await factory.WithServiceAsync(async sp =>
        {
            var db = sp.GetRequiredService<TwinningDbContext>();
            db.Officers.Add(new OrganisationOfficer(town, first.Id, "clerk", DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        var officer = await factory.LoggedInClientAsync("first@colleagueville.example");
        var colleague = await factory.LoggedInClientAsync("second@colleagueville.example");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await colleague.GetAsync($"/en/profiles/edit/{town}")).StatusCode);

        var unknown = await officer.SubmitFormAsync($"/en/profiles/edit/{town}", new Dictionary<string, string>
        {
            ["OrganisationId"] = town.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email"] = "nobody@colleagueville.example",
            ["Function"] = "intern",
        }, action: "/en/profiles/invite");
        Assert.Contains("There is no account with this e-mail address", await officer.GetPageAsync(unknown.Location()), StringComparison.Ordinal);

        await officer.SubmitFormAsync($"/en/profiles/edit/{town}", new Dictionary<string, string>
        {
            ["OrganisationId"] = town.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email"] = "second@colleagueville.example",
            ["Function"] = "international officer",
        }, action: "/en/profiles/invite");

        Assert.Contains("international officer", await colleague.GetPageAsync($"/en/profiles/edit/{town}"), StringComparison.Ordinal);
        var mail = await factory.Smtp.WaitForAsync("second@colleagueville.example");
        Assert.Contains("Colleagueville", mail.TextBody!, StringComparison.Ordinal);
        Assert.DoesNotContain("A colleague has added you", mail.TextBody!, StringComparison.Ordinal);
    }
}
