using System.Net;
using Microsoft.EntityFrameworkCore;
using Twinning.Domain.Conversations;
using Twinning.Domain.Notifications;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Conversations;

public sealed class AnswerJourneyTests(TwinningFactory factory) : IClassFixture<TwinningFactory>
{
    [Fact]
    public async Task An_officer_answers_a_published_request_and_every_officer_of_the_requesting_town_is_notified()
    {
        var townA = await factory.CreateTownAsync("Answerburg", "DE");
        var townB = await factory.CreateTownAsync("Replyville", "IE");
        var anna = await factory.OfficerAsync(townA, "anna@answerburg.example");
        var arno = await factory.OfficerAsync(townA, "arno@answerburg.example");
        var bridget = await factory.OfficerAsync(townB, "bridget@replyville.example");
        var request = await factory.RequestAsync(townA, anna, "Partner for our jazz festival");

        var officerB = await factory.LoggedInClientAsync("bridget@replyville.example");
        var form = await officerB.GetPageAsync($"/en/conversations/answer?requestId={request}");
        Assert.Contains("Partner for our jazz festival", form, StringComparison.Ordinal);
        Assert.Contains("Answerburg", form, StringComparison.Ordinal);
        Assert.Contains("maxlength=\"4000\"", form, StringComparison.Ordinal);

        var answered = await officerB.SubmitFormAsync($"/en/conversations/answer?requestId={request}", new Dictionary<string, string>
        {
            ["Input.RequestId"] = request.Text(),
            ["Input.OrganisationId"] = townB.Text(),
            ["Input.Body"] = "We would love to bring our fiddlers.",
        }, action: "/en/conversations/answer");

        var conversation = await factory.DbAsync(db => db.Conversations.Include(c => c.Messages).SingleAsync(c => c.RequestId == request));
        Assert.Equal($"/en/conversations/details/{conversation.Id}", answered.Location());
        Assert.Equal(townB, conversation.InitiatorOrganisationId);
        Assert.Equal(townA, conversation.RecipientOrganisationId);
        Assert.Equal(AnswerState.New, conversation.AnswerState);
        var message = Assert.Single(conversation.Messages);
        Assert.Equal(bridget, message.SenderUserId);
        Assert.Equal("We would love to bring our fiddlers.", message.Body);

        var notifications = await factory.DbAsync(db => db.Notifications.Where(n => n.UserId == anna || n.UserId == arno || n.UserId == bridget).ToListAsync());
        Assert.Equal(new[] { anna, arno }.Order(StringComparer.Ordinal), notifications.Select(n => n.UserId).Order(StringComparer.Ordinal));
        Assert.All(notifications, n =>
        {
            Assert.Equal(NotificationKind.NewAnswer, n.Kind);
            Assert.Equal("Notify.NewAnswer", n.TextKey);
            Assert.Equal(["Replyville", "Partner for our jazz festival"], n.Arguments);
            Assert.Equal($"conversations/details/{conversation.Id}", n.Link);
        });

        // Answering again writes into the same conversation.
        await officerB.SubmitFormAsync($"/en/conversations/answer?requestId={request}", new Dictionary<string, string>
        {
            ["Input.RequestId"] = request.Text(),
            ["Input.OrganisationId"] = townB.Text(),
            ["Input.Body"] = "And our dancers too.",
        }, action: "/en/conversations/answer");
        Assert.Equal(1, await factory.DbAsync(db => db.Conversations.CountAsync(c => c.RequestId == request)));
        Assert.Equal(2, await factory.DbAsync(db => db.Messages.CountAsync(m => m.ConversationId == conversation.Id)));
    }

    [Fact]
    public async Task A_request_that_is_not_published_cannot_be_answered()
    {
        var townA = await factory.CreateTownAsync("Draftingen", "DE");
        var townB = await factory.CreateTownAsync("Eagerton", "IE");
        var owner = await factory.OfficerAsync(townA, "owner@draftingen.example");
        await factory.OfficerAsync(townB, "eager@eagerton.example");
        var request = await factory.RequestAsync(townA, owner, "Not yet validated", publish: false);
        var client = await factory.LoggedInClientAsync("eager@eagerton.example");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/en/conversations/answer?requestId={request}")).StatusCode);
        var token = HttpClientExtensions.AntiforgeryToken(await client.GetPageAsync("/en/conversations"));
        var posted = await client.PostAsync("/en/conversations/answer", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.RequestId"] = request.Text(),
            ["Input.OrganisationId"] = townB.Text(),
            ["Input.Body"] = "Let us be first!",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.False(await factory.DbAsync(db => db.Conversations.AnyAsync(c => c.RequestId == request)));
    }

    [Fact]
    public async Task A_message_that_is_too_long_gives_a_localized_error_and_nothing_is_saved()
    {
        var townA = await factory.CreateTownAsync("Longwinded", "DE");
        var townB = await factory.CreateTownAsync("Brevity", "IE");
        var owner = await factory.OfficerAsync(townA, "owner@longwinded.example");
        await factory.OfficerAsync(townB, "writer@brevity.example");
        var request = await factory.RequestAsync(townA, owner, "Short and sweet");
        var client = await factory.LoggedInClientAsync("writer@brevity.example");

        var response = await client.SubmitFormAsync($"/en/conversations/answer?requestId={request}", new Dictionary<string, string>
        {
            ["Input.RequestId"] = request.Text(),
            ["Input.OrganisationId"] = townB.Text(),
            ["Input.Body"] = new string('x', 4001),
        }, action: "/en/conversations/answer");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("A message can have at most 4000 characters.", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.False(await factory.DbAsync(db => db.Conversations.AnyAsync(c => c.RequestId == request)));

        var empty = await client.SubmitFormAsync($"/en/conversations/answer?requestId={request}", new Dictionary<string, string>
        {
            ["Input.RequestId"] = request.Text(),
            ["Input.OrganisationId"] = townB.Text(),
            ["Input.Body"] = "   ",
        }, action: "/en/conversations/answer");
        Assert.Contains("Write a message.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await factory.DbAsync(db => db.Conversations.AnyAsync(c => c.RequestId == request)));
    }

    [Fact]
    public async Task An_organisation_cannot_answer_its_own_request()
    {
        var town = await factory.CreateTownAsync("Selfsame", "DE");
        var owner = await factory.OfficerAsync(town, "owner@selfsame.example");
        var request = await factory.RequestAsync(town, owner, "Looking for ourselves");
        var client = await factory.LoggedInClientAsync("owner@selfsame.example");

        Assert.Contains("This is a request of your own organisation", await client.GetPageAsync($"/en/conversations/answer?requestId={request}"), StringComparison.Ordinal);
        var token = HttpClientExtensions.AntiforgeryToken(await client.GetPageAsync("/en/conversations"));
        var posted = await client.PostAsync("/en/conversations/answer", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.RequestId"] = request.Text(),
            ["Input.OrganisationId"] = town.Text(),
            ["Input.Body"] = "Hello, us.",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Contains("An organisation cannot answer its own request.", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await factory.DbAsync(db => db.Conversations.AnyAsync(c => c.RequestId == request)));
    }

    [Fact]
    public async Task Someone_who_acts_for_no_organisation_is_told_to_claim_one_first()
    {
        var town = await factory.CreateTownAsync("Claimless", "DE");
        var owner = await factory.OfficerAsync(town, "owner@claimless.example");
        var request = await factory.RequestAsync(town, owner, "Anybody out there");
        await factory.CreateUserAsync("newcomer@example.org");
        var client = await factory.LoggedInClientAsync("newcomer@example.org");

        var answer = await client.GetPageAsync($"/en/conversations/answer?requestId={request}");
        var contact = await client.GetPageAsync($"/en/conversations/contact?organisationId={town}");

        foreach (var page in new[] { answer, contact })
        {
            Assert.Contains("Claim your organisation first", page, StringComparison.Ordinal);
            Assert.Contains("href=\"/en/claims\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("<textarea", page, StringComparison.Ordinal);
        }
    }
}
