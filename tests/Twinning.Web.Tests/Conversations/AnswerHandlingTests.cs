using System.Net;
using Microsoft.EntityFrameworkCore;
using Twinning.Domain.Conversations;
using Twinning.Domain.Directory;
using Twinning.Domain.Requests;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Conversations;

/// <summary>The request owner's inbox of answers: shortlist, decline with a courtesy message, match.</summary>
public sealed class AnswerHandlingTests(TwinningFactory factory) : IClassFixture<TwinningFactory>
{
    [Fact]
    public async Task Matching_an_answer_closes_the_request_and_proposes_a_link_that_the_partner_confirms()
    {
        var townA = await factory.CreateTownAsync("Matchingen", "DE");
        var townB = await factory.CreateTownAsync("Partnerport", "IE");
        var anna = await factory.OfficerAsync(townA, "anna@matchingen.example");
        var bridget = await factory.OfficerAsync(townB, "bridget@partnerport.example");
        var request = await factory.RequestAsync(townA, anna, "Twin town wanted");
        var conversation = await factory.AnswerAsync(request, townB, bridget, "Pick us!");
        var owner = await factory.LoggedInClientAsync("anna@matchingen.example");

        var answers = await owner.GetPageAsync($"/en/conversations/answers/{request}");
        Assert.Contains("Partnerport", answers, StringComparison.Ordinal);
        Assert.Contains("Pick us!", answers, StringComparison.Ordinal);
        var stamp = await factory.DbAsync(db => db.Requests.Where(r => r.Id == request).Select(r => r.ConcurrencyStamp).SingleAsync());

        var shortlisted = await owner.SubmitFormAsync($"/en/conversations/answers/{request}", new Dictionary<string, string> { ["ConversationId"] = conversation.Text() },
            action: "/en/conversations/shortlist");
        Assert.Equal($"/en/conversations/answers/{request}", shortlisted.Location());
        Assert.Equal(AnswerState.Shortlisted, await factory.DbAsync(db => db.Conversations.Where(c => c.Id == conversation).Select(c => c.AnswerState).SingleAsync()));

        var matched = await owner.SubmitFormAsync($"/en/conversations/answers/{request}", new Dictionary<string, string>
        {
            ["ConversationId"] = conversation.Text(),
            ["LinkType"] = "Friendship",
            ["ConcurrencyStamp"] = stamp.ToString(),
        }, action: "/en/conversations/match");
        Assert.Contains("The request is matched.", await owner.GetPageAsync(matched.Location()), StringComparison.Ordinal);

        var stored = await factory.DbAsync(db => db.Requests.SingleAsync(r => r.Id == request));
        Assert.Equal(RequestStatus.Matched, stored.Status);
        Assert.Equal(townB, stored.MatchedOrganisationId);
        Assert.Equal(AnswerState.Matched, await factory.DbAsync(db => db.Conversations.Where(c => c.Id == conversation).Select(c => c.AnswerState).SingleAsync()));
        var link = await factory.DbAsync(db => db.TwinningLinks.SingleAsync(l => (l.OrganisationAId == townA && l.OrganisationBId == townB) || (l.OrganisationAId == townB && l.OrganisationBId == townA)));
        Assert.Equal(LinkStatus.Pending, link.Status);
        Assert.Equal(LinkType.Friendship, link.Type);
        Assert.Equal(townA, link.ProposedByOrganisationId);
        Assert.True(await factory.DbAsync(db => db.AuditLog.AnyAsync(e => e.Action == "request.matched" && e.OrganisationId == townA)));
        var notification = await factory.DbAsync(db => db.Notifications.SingleAsync(n => n.UserId == bridget && n.TextKey == "Notify.Matched"));
        Assert.Equal("conversations/links", notification.Link);
        Assert.Equal(["Matchingen", "Twin town wanted"], notification.Arguments);

        // Both profiles show the pending link.
        var anonymous = factory.CreateBrowserlikeClient();
        Assert.Contains("friendship link, pending confirmation", await anonymous.GetPageAsync($"/en/directory/profile/{townA}"), StringComparison.Ordinal);

        // The owner's side waits; the partner confirms.
        Assert.Contains("Partnerport", await owner.GetPageAsync("/en/conversations/links"), StringComparison.Ordinal);
        var ownerConfirms = await owner.SubmitFormAsync("/en/conversations/links", new Dictionary<string, string>
        {
            ["LinkId"] = link.Id.Text(),
            ["OrganisationId"] = townA.Text(),
        }, action: "/en/conversations/confirmlink");
        Assert.Contains("does not wait for your organisation", await owner.GetPageAsync(ownerConfirms.Location()), StringComparison.Ordinal);
        Assert.Equal(LinkStatus.Pending, await factory.DbAsync(db => db.TwinningLinks.Where(l => l.Id == link.Id).Select(l => l.Status).SingleAsync()));

        var partner = await factory.LoggedInClientAsync("bridget@partnerport.example");
        var links = await partner.GetPageAsync("/en/conversations/links");
        Assert.Contains("Matchingen has recorded a friendship link with Partnerport.", links, StringComparison.Ordinal);
        var confirmed = await partner.SubmitFormAsync("/en/conversations/links", new Dictionary<string, string>
        {
            ["LinkId"] = link.Id.Text(),
            ["OrganisationId"] = townB.Text(),
        }, action: "/en/conversations/confirmlink");
        Assert.Contains("The link is confirmed", await partner.GetPageAsync(confirmed.Location()), StringComparison.Ordinal);
        Assert.Equal(LinkStatus.Active, await factory.DbAsync(db => db.TwinningLinks.Where(l => l.Id == link.Id).Select(l => l.Status).SingleAsync()));
        Assert.True(await factory.DbAsync(db => db.AuditLog.AnyAsync(e => e.Action == "link.confirmed" && e.OrganisationId == townB)));
        Assert.Contains("friendship link, active", await anonymous.GetPageAsync($"/en/directory/profile/{townB}"), StringComparison.Ordinal);

        // A matched request is matched once.
        var again = await owner.SubmitFormAsync($"/en/conversations/answers/{request}", new Dictionary<string, string>
        {
            ["ConversationId"] = conversation.Text(),
            ["LinkType"] = "Twinning",
            ["ConcurrencyStamp"] = stored.ConcurrencyStamp.ToString(),
        }, action: "/en/conversations/match");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await factory.DbAsync(db => db.TwinningLinks.CountAsync(l => l.OrganisationAId == link.OrganisationAId && l.OrganisationBId == link.OrganisationBId)));
    }

    [Fact]
    public async Task A_match_against_a_request_changed_meanwhile_is_refused_with_a_clear_message()
    {
        var townA = await factory.CreateTownAsync("Stalestadt", "DE");
        var townB = await factory.CreateTownAsync("Freshford", "IE");
        var anna = await factory.OfficerAsync(townA, "anna@stalestadt.example");
        var bridget = await factory.OfficerAsync(townB, "bridget@freshford.example");
        var request = await factory.RequestAsync(townA, anna, "Concurrent wishes");
        var conversation = await factory.AnswerAsync(request, townB, bridget, "Here we are.");
        var owner = await factory.LoggedInClientAsync("anna@stalestadt.example");
        var seen = await factory.DbAsync(db => db.Requests.Where(r => r.Id == request).Select(r => r.ConcurrencyStamp).SingleAsync());

        // A colleague changes the request's criteria after the owner opened the answers.
        await factory.DbAsync(async db =>
        {
            var stored = await db.Requests.Include(r => r.Texts).SingleAsync(r => r.Id == request);
            stored.Edit(new RequestContent(stored.Purpose, stored.Texts.Select(t => new RequestText(t.Language, t.Title, t.Description)).ToList(), ["IE"], [], [], ["en"], null, null), DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });

        var refused = await owner.SubmitFormAsync($"/en/conversations/answers/{request}", new Dictionary<string, string>
        {
            ["ConversationId"] = conversation.Text(),
            ["LinkType"] = "Twinning",
            ["ConcurrencyStamp"] = seen.ToString(),
        }, action: "/en/conversations/match");

        Assert.Contains("The request was changed by somebody else", await owner.GetPageAsync(refused.Location()), StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Published, await factory.DbAsync(db => db.Requests.Where(r => r.Id == request).Select(r => r.Status).SingleAsync()));
        Assert.False(await factory.DbAsync(db => db.TwinningLinks.AnyAsync(l => l.OrganisationAId == townA || l.OrganisationBId == townA)));
        Assert.Equal(AnswerState.New, await factory.DbAsync(db => db.Conversations.Where(c => c.Id == conversation).Select(c => c.AnswerState).SingleAsync()));
    }

    [Fact]
    public async Task Declining_an_answer_posts_the_courtesy_message_into_the_conversation()
    {
        var townA = await factory.CreateTownAsync("Declinburg", "DE");
        var townB = await factory.CreateTownAsync("Hopeful Bay", "IE");
        var anna = await factory.OfficerAsync(townA, "anna@declinburg.example");
        var bridget = await factory.OfficerAsync(townB, "bridget@hopefulbay.example");
        var request = await factory.RequestAsync(townA, anna, "Only one partner");
        var conversation = await factory.AnswerAsync(request, townB, bridget, "Choose us please.");
        var owner = await factory.LoggedInClientAsync("anna@declinburg.example");

        var answers = await owner.GetPageAsync($"/en/conversations/answers/{request}");
        Assert.Contains("Thank you very much for your interest in our request.", answers, StringComparison.Ordinal);

        await owner.SubmitFormAsync($"/en/conversations/answers/{request}", new Dictionary<string, string>
        {
            ["ConversationId"] = conversation.Text(),
            ["Message"] = "Thank you, but we chose another partner.",
        }, action: "/en/conversations/decline");

        Assert.Equal(AnswerState.Declined, await factory.DbAsync(db => db.Conversations.Where(c => c.Id == conversation).Select(c => c.AnswerState).SingleAsync()));
        var last = await factory.DbAsync(db => db.Messages.Where(m => m.ConversationId == conversation).OrderByDescending(m => m.Id).FirstAsync());
        Assert.Equal("Thank you, but we chose another partner.", last.Body);
        Assert.Equal(townA, last.FromOrganisationId);
        Assert.True(await factory.DbAsync(db => db.Notifications.AnyAsync(n => n.UserId == bridget && n.TextKey == "Notify.NewMessage")));
        Assert.Contains("Thank you, but we chose another partner.",
            await (await factory.LoggedInClientAsync("bridget@hopefulbay.example")).GetPageAsync($"/en/conversations/details/{conversation}"), StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Published, await factory.DbAsync(db => db.Requests.Where(r => r.Id == request).Select(r => r.Status).SingleAsync()));
    }
}
