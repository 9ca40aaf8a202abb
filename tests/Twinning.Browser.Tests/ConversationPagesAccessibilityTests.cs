using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Domain.Conversations;
using Twinning.Domain.Directory;
using Twinning.Domain.Requests;
using Twinning.Domain.Verification;
using Twinning.Infrastructure.Data;

namespace Twinning.Browser.Tests;

/// <summary>The conversation pages, in English, Greek and Bulgarian, pass axe's WCAG 2.1 AA rules, with their forms open and showing errors.</summary>
public sealed class ConversationPagesAccessibilityTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string> CultureData => new(AccessibilityTests.Cultures);

    [Theory]
    [MemberData(nameof(CultureData))]
    public async Task Conversation_pages_have_no_accessibility_violations(string culture)
    {
        var world = await WorldAsync(culture);

        // The answering officer: inbox, thread, answer and contact forms, links to confirm.
        var answering = await fixture.NewPageAsync();
        await BrowserFixture.LogInAsync(answering, world.AnsweringEmail);
        string[] answeringPages =
        [
            "conversations",
            $"conversations/details/{world.Conversation}",
            $"conversations/answer?requestId={world.Request}",
            $"conversations/contact?organisationId={fixture.KolnId}",
            "conversations/links",
        ];
        foreach (var path in answeringPages)
            await BrowserFixture.AssertPageAccessibleAsync(answering, $"/{culture}/{path}");

        // The reply form showing an error (an empty message).
        await answering.GotoAsync($"/{culture}/conversations/details/{world.Conversation}");
        await answering.Locator("form[action$='/conversations/reply'] button[type=submit]").ClickAsync();
        await answering.WaitForSelectorAsync("[aria-invalid=true]");
        await BrowserFixture.AssertAccessibleAsync(answering);

        // The request's owner: the answers with their decision forms, and the thread with report forms.
        var owner = await fixture.NewPageAsync();
        await BrowserFixture.LogInAsync(owner, world.OwnerEmail);
        foreach (var path in new[] { $"conversations/answers/{world.Request}", $"conversations/details/{world.Conversation}", "conversations/links" })
            await BrowserFixture.AssertPageAccessibleAsync(owner, $"/{culture}/{path}");

        // Someone who acts for no organisation is told to claim one.
        var newcomer = await fixture.NewPageAsync();
        await BrowserFixture.LogInAsync(newcomer, world.NewcomerEmail);
        foreach (var path in new[] { "conversations", $"conversations/answer?requestId={world.Request}", $"conversations/contact?organisationId={fixture.KolnId}" })
            await BrowserFixture.AssertPageAccessibleAsync(newcomer, $"/{culture}/{path}");
    }

    private sealed record World(string OwnerEmail, string AnsweringEmail, string NewcomerEmail, int Request, int Conversation);

    /// <summary>
    /// Köln (from the shipped directory) publishes a request; a new town answers it; one of the answering
    /// town's messages was hidden by a moderator; Köln recorded a link with a third town, which waits for it.
    /// </summary>
    private async Task<World> WorldAsync(string culture)
    {
        var factory = fixture.Factory;
        var answeringTown = await factory.CreateTownAsync($"Answering town {culture}", "IE");
        var waitingTown = await factory.CreateTownAsync($"Waiting town {culture}", "FR");
        var owner = await factory.CreateUserAsync($"owner-{culture}@stadt-koeln.example", culture);
        var answering = await factory.CreateUserAsync($"officer-{culture}@answering.example", culture);
        var newcomer = await factory.CreateUserAsync($"newcomer-{culture}@example.org", culture);
        var (request, conversation) = await factory.WithServiceAsync(async sp =>
        {
            var db = sp.GetRequiredService<TwinningDbContext>();
            var now = DateTimeOffset.UtcNow;
            db.Officers.Add(new OrganisationOfficer(fixture.KolnId, owner.Id, "Referentin", now));
            db.Officers.Add(new OrganisationOfficer(answeringTown, answering.Id, "Twinning officer", now));
            db.Officers.Add(new OrganisationOfficer(waitingTown, answering.Id, "Twinning officer", now));
            var partnerRequest = new PartnerRequest(fixture.KolnId, "DE", owner.Id,
                new RequestContent(RequestPurpose.JointActivity, [new RequestText("en", $"Carnival partners ({culture})", "We look for towns to celebrate carnival with.")], [], [], [], ["de", "en"], null, null),
                now);
            partnerRequest.Submit(now);
            partnerRequest.Validate(owner.Id, now);
            db.Requests.Add(partnerRequest);
            await db.SaveChangesAsync();
            var answer = Conversation.Answer(answeringTown, fixture.KolnId, partnerRequest.Id, answering.Id, "We would love to join.\nOur brass band is ready.", now);
            answer.Post(fixture.KolnId, owner.Id, "Welcome! Tell us more.", now);
            answer.Post(answeringTown, answering.Id, "Something a moderator removed.", now).Hide("Off topic.");
            answer.Post(answeringTown, answering.Id, "Sorry about that. We come in February.", now);
            db.Conversations.Add(answer);
            if (!await db.TwinningLinks.AnyAsync(l => l.OrganisationAId == Math.Min(fixture.KolnId, waitingTown) && l.OrganisationBId == Math.Max(fixture.KolnId, waitingTown)))
                db.TwinningLinks.Add(TwinningLink.Propose(waitingTown, fixture.KolnId, LinkType.Cooperation, now));
            await db.SaveChangesAsync();
            return (partnerRequest.Id, answer.Id);
        });
        return new World(owner.Email!, answering.Email!, newcomer.Email!, request, conversation);
    }
}
