using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Domain.Accounts;
using Twinning.Domain.Moderation;
using Twinning.Domain.Requests;
using Twinning.Domain.Verification;
using Twinning.Infrastructure.Data;
using Twinning.Web.Features.Directory;

namespace Twinning.Browser.Tests;

/// <summary>The partner request and moderation pages, in English, Greek and Bulgarian, pass axe's WCAG 2.1 AA rules, forms open and with errors.</summary>
public sealed class RequestPagesAccessibilityTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string> CultureData => new(AccessibilityTests.Cultures);

    [Theory]
    [MemberData(nameof(CultureData))]
    public async Task Request_and_moderation_pages_have_no_accessibility_violations(string culture)
    {
        var world = await WorldAsync(culture);

        var visitor = await fixture.NewPageAsync();
        foreach (var path in new[] { "requests", "requests?q=zzzz&purpose=JointProject&band=Small", $"requests/details/{world.Published}" })
            await BrowserFixture.AssertPageAccessibleAsync(visitor, $"/{culture}/{path}");

        var officer = await fixture.NewPageAsync();
        await BrowserFixture.LogInAsync(officer, world.Officer);
        foreach (var path in new[]
        {
            "requests/mine", $"requests/create?organisationId={world.Town}", $"requests/edit/{world.Draft}",
            $"requests/details/{world.Draft}", $"requests/details/{world.Rejected}", $"requests/details/{world.Published}", "requests",
            $"directory/profile/{world.Town}",
        })
        {
            await BrowserFixture.AssertPageAccessibleAsync(officer, $"/{culture}/{path}");
        }

        // The form refused: errors listed and shown beside the fields.
        await officer.GotoAsync($"/{culture}/requests/create?organisationId={world.Town}");
        await officer.Locator("button[name='Input.Submit'][value='true']").ClickAsync();
        await officer.WaitForSelectorAsync("[role=alert]");
        await BrowserFixture.AssertOpenAccessibleAsync(officer);

        // Another town's officer sees the fit and the report form.
        var reader = await fixture.NewPageAsync();
        await BrowserFixture.LogInAsync(reader, world.Reader);
        await BrowserFixture.AssertPageAccessibleAsync(reader, $"/{culture}/requests/details/{world.Published}");
        await BrowserFixture.AssertPageAccessibleAsync(reader, $"/{culture}/{fixture.KolnProfile}");

        var validator = await fixture.NewPageAsync();
        await BrowserFixture.LogInAsync(validator, world.Validator, world.ValidatorKey);
        foreach (var path in new[] { "requests/review", $"requests/details/{world.Submitted}", "verification" })
            await BrowserFixture.AssertPageAccessibleAsync(validator, $"/{culture}/{path}");

        var admin = await fixture.NewPageAsync();
        await BrowserFixture.LogInAsync(admin, world.Admin, world.AdminKey);
        foreach (var path in new[] { "moderation", $"requests/details/{world.Published}", $"requests/details/{world.Hidden}", $"directory/profile/{world.Town}", "admin" })
            await BrowserFixture.AssertPageAccessibleAsync(admin, $"/{culture}/{path}");
    }

    private sealed record World(int Town, string Officer, string Reader, string Validator, string ValidatorKey, string Admin, string AdminKey,
        int Published, int Draft, int Submitted, int Rejected, int Hidden);

    /// <summary>A verified Dutch town with requests in every state, a reader from Köln, a Dutch validator, an admin with a report to judge.</summary>
    private async Task<World> WorldAsync(string culture)
    {
        var factory = fixture.Factory;
        var town = await factory.CreateTownAsync($"Zwolle-{culture}", "NL", 120_000);
        var officer = await factory.CreateUserAsync($"officer-{culture}@zwolle.example", culture);
        var reader = await factory.CreateUserAsync($"reader-{culture}@stadt-koeln.example", culture);
        var validatorEmail = $"validator-{culture}@vng.example";
        var validatorKey = await factory.CreateTwoFactorUserAsync(validatorEmail, Roles.Validator);
        var adminEmail = $"moderator-{culture}@cemr.example";
        var adminKey = await factory.CreateTwoFactorUserAsync(adminEmail, Roles.Admin);

        var ids = await factory.WithServiceAsync(async sp =>
        {
            var db = sp.GetRequiredService<TwinningDbContext>();
            var now = DateTimeOffset.UtcNow;
            (await db.Organisations.SingleAsync(o => o.Id == town)).MarkVerified(now);
            db.Officers.Add(new OrganisationOfficer(town, officer.Id, "Beleidsmedewerker", now));
            db.Officers.Add(new OrganisationOfficer(fixture.KolnId, reader.Id, "Referentin", now));
            var association = db.Associations.Add(new Association($"VNG {culture}", ["NL"], now)).Entity;
            var themes = await db.Themes.Select(t => t.Id).Take(2).ToListAsync();
            PartnerRequest Request(string title, string? second = null)
            {
                List<RequestText> texts = [new RequestText("nl", title, "Wij zoeken een partnergemeente voor jongerenuitwisseling.\nTwee weken in de zomer.")];
                if (second is not null)
                    texts.Add(new RequestText("en", second, "We look for a partner town for a youth exchange."));
                return new PartnerRequest(town, "NL", officer.Id, new RequestContent(RequestPurpose.JointActivity, texts, ["DE", "BE"],
                    [Domain.Directory.PopulationBand.Small], themes, ["nl", "en"], DateOnly.FromDateTime(now.UtcDateTime.AddMonths(3)), "CERV-2027-CITIZENS-TT"), now);
            }
            var published = Request("Jongerenuitwisseling", "Youth exchange");
            published.Submit(now);
            published.Validate("seed", now);
            var draft = Request("Concept");
            var submitted = Request("Ingediend");
            submitted.Submit(now);
            var rejected = Request("Afgewezen");
            rejected.Submit(now);
            rejected.Reject("seed", "Beschrijf de activiteit.", now);
            var hidden = Request("Verborgen");
            hidden.Submit(now);
            hidden.Validate("seed", now);
            hidden.Hide("Reclame", now);
            db.Requests.AddRange(published, draft, submitted, rejected, hidden);
            await db.SaveChangesAsync();
            db.AssociationValidators.Add(new AssociationValidator(association.Id, (await db.Users.SingleAsync(u => u.Email == validatorEmail)).Id));
            db.Reports.Add(new ContentReport(ContentKind.Request, published.Id, reader.Id, "Dit lijkt reclame.", now));
            db.Reports.Add(new ContentReport(ContentKind.Profile, town, reader.Id, "Onjuiste tekst.", now));
            await db.SaveChangesAsync();
            return (published.Id, draft.Id, submitted.Id, rejected.Id, hidden.Id);
        });
        await factory.Services.GetRequiredService<DirectoryIndexLoader>().ReloadAsync();
        return new World(town, officer.Email!, reader.Email!, validatorEmail, validatorKey, adminEmail, adminKey,
            ids.Item1, ids.Item2, ids.Item3, ids.Item4, ids.Item5);
    }
}
