using System.Net;
using Microsoft.EntityFrameworkCore;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Conversations;

public sealed class MessagingRateLimitTests(MessagingRateLimitTests.StrictFactory factory) : IClassFixture<MessagingRateLimitTests.StrictFactory>
{
    [Fact]
    public async Task The_fourth_message_within_the_window_is_refused_with_a_localized_429_and_not_saved()
    {
        var townA = await factory.CreateTownAsync("Chattersby", "DE");
        var townB = await factory.CreateTownAsync("Quietbury", "IE");
        var anna = await factory.OfficerAsync(townA, "anna@chattersby.example");
        var bridget = await factory.OfficerAsync(townB, "bridget@quietbury.example");
        var request = await factory.RequestAsync(townA, anna, "Talkative partner");
        var conversation = await factory.AnswerAsync(request, townB, bridget, "Hello.");
        var client = await factory.LoggedInClientAsync("anna@chattersby.example");
        var statuses = new List<HttpStatusCode>();

        for (var i = 1; i <= 4; i++)
        {
            var response = await client.SubmitFormAsync($"/de/conversations/details/{conversation}", new Dictionary<string, string>
            {
                ["Input.ConversationId"] = conversation.Text(),
                ["Input.Body"] = $"Message number {i}",
            }, action: "/de/conversations/reply");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                Assert.Contains("<html lang=\"de\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
        var bodies = await factory.DbAsync(db => db.Messages.Where(m => m.ConversationId == conversation).Select(m => m.Body).ToListAsync());
        Assert.DoesNotContain("Message number 4", bodies);
        Assert.Equal(4, bodies.Count);

        // The limit is per person: a colleague of the other town still writes.
        var other = await factory.LoggedInClientAsync("bridget@quietbury.example");
        var reply = await other.SubmitFormAsync($"/en/conversations/details/{conversation}", new Dictionary<string, string>
        {
            ["Input.ConversationId"] = conversation.Text(),
            ["Input.Body"] = "Slow down!",
        }, action: "/en/conversations/reply");
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
    }

    public sealed class StrictFactory : TwinningFactory
    {
        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = base.Settings;
                settings["RateLimiting:Messaging:PermitLimit"] = "3";
                settings["RateLimiting:Messaging:WindowSeconds"] = "3600";
                return settings;
            }
        }
    }
}
