using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Domain.Accounts;
using Twinning.Domain.Verification;
using Twinning.Infrastructure.Data;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Verification;

public sealed class ClaimJourneyTests(TwinningFactory factory) : IClassFixture<TwinningFactory>
{
    [Fact]
    public async Task An_officer_claims_a_town_the_validator_of_its_country_approves_and_the_officer_edits_the_profile_in_two_languages()
    {
        var town = await factory.CreateTownAsync("Kleinstadt am See", "DE");
        await factory.CreateUserAsync("anna@kleinstadt.example", culture: "de");
        var adminKey = await factory.CreateTwoFactorUserAsync("staff@cemr.example", Roles.Admin);
        var validatorKey = await factory.CreateTwoFactorUserAsync("checker@staedtetag.example");

        // The officer asks to act for the town.
        var officer = await factory.LoggedInClientAsync("anna@kleinstadt.example");
        var claimed = await officer.SubmitFormAsync($"/de/claims/claim/{town}", new Dictionary<string, string>
        {
            ["Input.OrganisationId"] = town.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Function"] = "Partnerschaftsbeauftragte",
            ["Input.OfficialEmail"] = "anna@kleinstadt.example",
            ["Input.Evidence"] = "https://kleinstadt.example/rathaus/team",
        }, action: "/de/claims/claim");
        Assert.Equal("/de/claims", claimed.Location());

        // CEMR registers the German association and appoints its validator.
        var admin = await factory.LoggedInClientAsync("staff@cemr.example", adminKey);
        var created = await admin.SubmitFormAsync("/en/associations", new Dictionary<string, string> { ["Input.Name"] = "Deutscher Städtetag", ["Input.Countries"] = "DE" }, action: "/en/associations/create");
        Assert.Equal("/en/associations", created.Location());
        var associationId = await factory.WithServiceAsync(sp => sp.GetRequiredService<TwinningDbContext>().Associations.Select(a => a.Id).SingleAsync());
        var appointed = await admin.SubmitFormAsync("/en/associations", new Dictionary<string, string>
        {
            ["AssociationId"] = associationId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email"] = "checker@staedtetag.example",
        }, action: "/en/associations/addvalidator");
        Assert.Equal("/en/associations", appointed.Location());

        // The validator (a validator only from the next sign-in on) sees the claim and approves it.
        var validator = await factory.LoggedInClientAsync("checker@staedtetag.example", validatorKey);
        var queue = await validator.GetPageAsync("/en/verification");
        Assert.Contains("Kleinstadt am See", queue, StringComparison.Ordinal);
        Assert.Contains("Partnerschaftsbeauftragte", queue, StringComparison.Ordinal);
        var claimId = await ClaimIdAsync(town);
        var approved = await validator.SubmitFormAsync("/en/verification", new Dictionary<string, string> { ["Id"] = claimId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, action: "/en/verification/approve");
        Assert.Equal("/en/verification", approved.Location());

        var mail = await factory.Smtp.WaitForAsync("anna@kleinstadt.example", m => (m.Subject ?? string.Empty).Contains("Twinning", StringComparison.Ordinal));
        Assert.Contains("Kleinstadt am See", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("has been approved", mail.TextBody, StringComparison.Ordinal);

        // The officer edits the profile in German and English.
        var edit = await officer.GetPageAsync($"/en/profiles/edit/{town}");
        var stamp = System.Text.RegularExpressions.Regex.Match(edit, "name=\"Input.ConcurrencyStamp\" value=\"([^\"]+)\"").Groups[1].Value;
        var saved = await officer.PostAsync("/en/profiles/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HttpClientExtensions.AntiforgeryToken(edit),
            ["Input.Id"] = town.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.ConcurrencyStamp"] = stamp,
            ["Input.Descriptions[0].Language"] = "de",
            ["Input.Descriptions[0].Text"] = "Eine kleine Stadt am See sucht Partner für Jugendaustausch.",
            ["Input.Descriptions[1].Language"] = "en",
            ["Input.Descriptions[1].Text"] = "A small lakeside town looking for youth-exchange partners.",
            ["Input.WorkingLanguages"] = "de",
        }));
        Assert.Equal($"/en/directory/profile/{town}", saved.Location());

        var anonymous = factory.CreateBrowserlikeClient();
        var english = await anonymous.GetPageAsync($"/en/directory/profile/{town}");
        Assert.Contains("A small lakeside town", english, StringComparison.Ordinal);
        Assert.Contains("Verified", english, StringComparison.Ordinal);
        var german = await anonymous.GetPageAsync($"/de/directory/profile/{town}");
        Assert.Contains("Eine kleine Stadt am See", german, StringComparison.Ordinal);
        var greek = await anonymous.GetPageAsync($"/el/directory/profile/{town}");
        Assert.Contains("lang=\"de\"", greek, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", greek, StringComparison.Ordinal);

        // Every step is in the audit log the admin reads.
        var audit = await admin.GetPageAsync("/en/verification/audit");
        Assert.Contains("Request approved", audit, StringComparison.Ordinal);
        Assert.Contains("Profile edited", audit, StringComparison.Ordinal);
        Assert.Contains("Validator appointed", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_which_the_claimant_receives()
    {
        var town = await factory.CreateTownAsync("Petite-Ville", "FR");
        await factory.CreateUserAsync("paul@petite.example", culture: "fr");
        var adminKey = await factory.CreateTwoFactorUserAsync("decider@cemr.example", Roles.Admin);
        var officer = await factory.LoggedInClientAsync("paul@petite.example");
        await officer.SubmitFormAsync($"/fr/claims/claim/{town}", new Dictionary<string, string>
        {
            ["Input.OrganisationId"] = town.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Function"] = "Stagiaire",
            ["Input.OfficialEmail"] = "paul@gmail.example",
        }, action: "/fr/claims/claim");
        var claimId = (await ClaimIdAsync(town)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var admin = await factory.LoggedInClientAsync("decider@cemr.example", adminKey);

        await admin.SubmitFormAsync("/en/verification", new Dictionary<string, string> { ["Id"] = claimId, ["Reason"] = "  " }, action: "/en/verification/reject");
        Assert.Equal(ClaimStatus.Pending, await StatusAsync(town));

        await admin.SubmitFormAsync("/en/verification", new Dictionary<string, string> { ["Id"] = claimId, ["Reason"] = "Adresse privée, pas de la mairie." }, action: "/en/verification/reject");
        Assert.Equal(ClaimStatus.Rejected, await StatusAsync(town));
        var mail = await factory.Smtp.WaitForAsync("paul@petite.example");
        Assert.Contains("Adresse privée, pas de la mairie.", mail.TextBody, StringComparison.Ordinal);

        var mine = await officer.GetPageAsync("/fr/claims");
        Assert.Contains("Adresse privée, pas de la mairie.", mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_officers_editing_at_once_do_not_overwrite_each_other()
    {
        var town = await factory.CreateTownAsync("Dvojměsto", "CZ");
        await factory.CreateUserAsync("one@dvoj.example");
        await factory.CreateUserAsync("two@dvoj.example");
        await factory.WithServiceAsync(async sp =>
        {
            var db = sp.GetRequiredService<TwinningDbContext>();
            var ids = await db.Users.Where(u => u.Email!.EndsWith("@dvoj.example")).Select(u => u.Id).ToListAsync();
            foreach (var id in ids)
                db.Officers.Add(new OrganisationOfficer(town, id, "officer", DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        var one = await factory.LoggedInClientAsync("one@dvoj.example");
        var two = await factory.LoggedInClientAsync("two@dvoj.example");
        var formOne = await one.GetPageAsync($"/en/profiles/edit/{town}");
        var formTwo = await two.GetPageAsync($"/en/profiles/edit/{town}");

        Assert.Equal(HttpStatusCode.Redirect, (await Save(one, formOne, town, "First text")).StatusCode);
        var second = await Save(two, formTwo, town, "Second text");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var html = await second.Content.ReadAsStringAsync();
        Assert.Contains("Someone else saved this profile", html, StringComparison.Ordinal);
        Assert.Contains("Second text", html, StringComparison.Ordinal);
        Assert.Contains("First text", await factory.CreateBrowserlikeClient().GetPageAsync($"/en/directory/profile/{town}"), StringComparison.Ordinal);

        // Having seen the message, the second officer saves again, and now it counts.
        Assert.Equal(HttpStatusCode.Redirect, (await Save(two, html, town, "Second text, checked")).StatusCode);
        Assert.Contains("Second text, checked", await factory.CreateBrowserlikeClient().GetPageAsync($"/en/directory/profile/{town}"), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> Save(HttpClient client, string form, int town, string text) =>
        client.PostAsync("/en/profiles/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HttpClientExtensions.AntiforgeryToken(form),
            ["Input.Id"] = town.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.ConcurrencyStamp"] = System.Text.RegularExpressions.Regex.Match(form, "name=\"Input.ConcurrencyStamp\" value=\"([^\"]+)\"").Groups[1].Value,
            ["Input.Descriptions[0].Language"] = "en",
            ["Input.Descriptions[0].Text"] = text,
        }));

    private Task<int> ClaimIdAsync(int town) =>
        factory.WithServiceAsync(sp => sp.GetRequiredService<TwinningDbContext>().Claims.Where(c => c.OrganisationId == town).Select(c => c.Id).SingleAsync());

    private Task<ClaimStatus> StatusAsync(int town) =>
        factory.WithServiceAsync(sp => sp.GetRequiredService<TwinningDbContext>().Claims.Where(c => c.OrganisationId == town).Select(c => c.Status).SingleAsync());
}
