using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Twinning.Domain.Accounts;
using Twinning.Domain.Directory;
using Twinning.Domain.Notifications;
using Twinning.Domain.Verification;
using Twinning.Infrastructure.Data;
using Twinning.Web.Features.Directory;
using Twinning.Web.Features.Notifications;

namespace Twinning.Browser.Tests;

/// <summary>
/// The heart of the platform, in a real browser and in two languages: a verified town publishes a
/// partner request, the validator of its country validates it, a town of another country finds it and
/// answers, the owner replies and marks it matched, the partner confirms the link, both profiles show
/// it, and the e-mails arrive at once and as a digest.
/// </summary>
public sealed class RequestJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private sealed record People(int TownA, int TownB, string OfficerA, string OfficerB, string Validator, string ValidatorKey);

    /// <summary>Town A (AT) and town B (SE), verified, with one officer each; a validator for Austria. Everyone works in <paramref name="culture"/>.</summary>
    private async Task<People> SetUpAsync(string culture)
    {
        var factory = fixture.Factory;
        var townA = await factory.CreateTownAsync($"Kirchberg-{culture}", "AT", 60_000);
        var townB = await factory.CreateTownAsync($"Sandviken-{culture}", "SE", 70_000);
        var officerA = $"officer-a-{culture}@kirchberg.example";
        var officerB = $"officer-b-{culture}@sandviken.example";
        var validator = $"validator-{culture}@gemeindebund.example";
        var a = await factory.CreateUserAsync(officerA, culture);
        var b = await factory.CreateUserAsync(officerB, culture);
        var key = await factory.CreateTwoFactorUserAsync(validator, Roles.Validator);
        await factory.WithServiceAsync(async sp =>
        {
            var db = sp.GetRequiredService<TwinningDbContext>();
            foreach (var town in await db.Organisations.Where(o => o.Id == townA || o.Id == townB).ToListAsync())
                town.MarkVerified(DateTimeOffset.UtcNow);
            db.Officers.Add(new OrganisationOfficer(townA, a.Id, "Bürgermeisteramt", DateTimeOffset.UtcNow));
            db.Officers.Add(new OrganisationOfficer(townB, b.Id, "Kommunikation", DateTimeOffset.UtcNow));
            // Town B's officer reads messages in a daily digest; A hears of answers at once (the default).
            db.NotificationPreferences.Add(new NotificationPreference(b.Id, NotificationKind.NewMessage, Delivery.Daily));
            var association = db.Associations.Add(new Association($"Gemeindebund {culture}", ["AT"], DateTimeOffset.UtcNow)).Entity;
            await db.SaveChangesAsync();
            var validatorId = (await db.Users.SingleAsync(u => u.Email == validator)).Id;
            await db.Users.Where(u => u.Id == validatorId).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredCulture, culture));
            db.AssociationValidators.Add(new AssociationValidator(association.Id, validatorId));
            return await db.SaveChangesAsync();
        });
        await factory.Services.GetRequiredService<DirectoryIndexLoader>().ReloadAsync();
        return new People(townA, townB, officerA, officerB, validator, key);
    }

    [Theory]
    [InlineData("en", "Brass band exchange wanted", "brass band")]
    [InlineData("de", "Blaskapelle sucht Partnergemeinde für Musikaustausch", "partnergemeinde musikaustausch")]
    public async Task A_request_goes_from_publication_to_a_confirmed_twinning(string culture, string title, string search)
    {
        var people = await SetUpAsync(culture);

        // 1. Town A's officer writes and submits the request.
        var owner = await fixture.NewPageAsync();
        await BrowserFixture.LogInAsync(owner, people.OfficerA);
        await owner.GotoAsync($"/{culture}/requests/mine");
        await owner.Locator($"a[href$='/requests/create?organisationId={people.TownA}']").ClickAsync();
        await owner.Locator("#purpose-NewTwinning").CheckAsync();
        await owner.Locator($"#title-{culture}").FillAsync(title);
        await owner.Locator($"#description-{culture}").FillAsync("Our brass band (40 musicians) would like a partner town for concerts in both towns.");
        await BrowserFixture.AssertAccessibleAsync(owner);
        await owner.Locator("button[name='Input.Submit'][value='true']").ClickAsync();
        await owner.WaitForURLAsync("**/requests/details/**");
        var requestPath = new Uri(owner.Url).AbsolutePath;
        await BrowserFixture.AssertAccessibleAsync(owner);

        // 2. The Austrian validator validates it from the queue.
        var validator = await fixture.NewPageAsync();
        await BrowserFixture.LogInAsync(validator, people.Validator, people.ValidatorKey);
        await validator.GotoAsync($"/{culture}/requests/review");
        await Assertions.Expect(validator.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(validator);
        await validator.Locator($"section:has(a[href='{requestPath}']) form[action$='/requests/validate'] button").ClickAsync();
        await Assertions.Expect(validator.GetByRole(AriaRole.Link, new() { Name = title })).ToHaveCountAsync(0);

        // 3. Town B's officer finds it by words without capitals and answers.
        var partner = await fixture.NewPageAsync();
        await BrowserFixture.LogInAsync(partner, people.OfficerB);
        await partner.GotoAsync($"/{culture}/requests");
        await partner.Locator("#q").FillAsync(search);
        await partner.Locator("form[role=search] button[type=submit]").ClickAsync();
        await partner.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await partner.WaitForURLAsync($"**{requestPath}");
        await BrowserFixture.AssertAccessibleAsync(partner);
        await partner.Locator("a[href*='/conversations/answer?requestId=']").ClickAsync();
        await partner.Locator("#Input_Body").FillAsync("Sandviken's wind orchestra would love to come in May.");
        await partner.Locator("main form button[type=submit]").ClickAsync();
        await partner.WaitForURLAsync("**/conversations/details/**");

        // The owner hears of the answer at once, by e-mail in their language.
        var answerMail = await fixture.Factory.Smtp.WaitForAsync(people.OfficerA, m => m.TextBody?.Contains("Sandviken", StringComparison.Ordinal) == true);
        Assert.Contains($"lang=\"{culture}\"", answerMail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Sandviken", answerMail.TextBody, StringComparison.Ordinal);

        // 4. The owner replies in the thread, then marks the answer as the match (a twinning).
        await owner.GotoAsync($"/{culture}/conversations");
        await owner.Locator("a[href*='/conversations/details/']").First.ClickAsync();
        await owner.Locator("#Input_Body").FillAsync("Wonderful! May suits us.");
        await owner.Locator("form[action$='/conversations/reply'] button[type=submit]").ClickAsync();
        await Assertions.Expect(owner.GetByText("Wonderful! May suits us.")).ToBeVisibleAsync();
        await owner.GotoAsync($"/{culture}{requestPath[(culture.Length + 1)..]}");
        await owner.Locator("a[href*='/conversations/answers/']").ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(owner);
        await owner.Locator("details:has(form[action$='/conversations/match']) > summary").ClickAsync();
        await owner.Locator("form[action$='/conversations/match'] select").SelectOptionAsync("Twinning");
        await owner.Locator("form[action$='/conversations/match'] button[type=submit]").ClickAsync();

        // 5. The partner confirms the pending link; both profiles show it.
        await partner.GotoAsync($"/{culture}/conversations/links");
        await BrowserFixture.AssertAccessibleAsync(partner);
        await partner.Locator("form[action$='/conversations/confirmlink'] button").ClickAsync();
        await owner.GotoAsync($"/{culture}/directory/profile/{people.TownA}");
        await Assertions.Expect(owner.Locator($"main a[href$='/directory/profile/{people.TownB}']")).ToBeVisibleAsync();
        await partner.GotoAsync($"/{culture}/directory/profile/{people.TownB}");
        await Assertions.Expect(partner.Locator($"main a[href$='/directory/profile/{people.TownA}']")).ToBeVisibleAsync();
        var link = await fixture.Factory.WithServiceAsync(sp => sp.GetRequiredService<TwinningDbContext>().TwinningLinks
            .SingleAsync(l => (l.OrganisationAId == people.TownA && l.OrganisationBId == people.TownB) || (l.OrganisationAId == people.TownB && l.OrganisationBId == people.TownA)));
        Assert.Equal((LinkType.Twinning, LinkStatus.Active), (link.Type, link.Status));

        // 6. B's officer chose a daily digest for messages: at digest time, one e-mail gathers them.
        Assert.DoesNotContain(fixture.Factory.Smtp.Messages, m => m.To.ToString().Contains(people.OfficerB, StringComparison.Ordinal));
        await fixture.Factory.WithServiceAsync(async sp =>
        {
            var db = sp.GetRequiredService<TwinningDbContext>();
            var b = await db.Users.SingleAsync(u => u.Email == people.OfficerB);
            // It is now the morning after: the digest is due.
            return await db.Notifications.Where(n => n.UserId == b.Id && n.EmailedAt == null && n.EmailDueAt != null)
                .ExecuteUpdateAsync(n => n.SetProperty(x => x.EmailDueAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        });
        await fixture.Factory.Services.GetRequiredService<NotificationMailer>().RunOnceAsync();
        var digest = await fixture.Factory.Smtp.WaitForAsync(people.OfficerB);
        Assert.Contains("Kirchberg", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("unsubscribe", digest.TextBody, StringComparison.Ordinal);
    }
}
