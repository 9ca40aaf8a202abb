using System.Net;
using Microsoft.EntityFrameworkCore;
using Twinning.Domain.Accounts;
using Twinning.Domain.Moderation;
using Twinning.Domain.Notifications;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Conversations;

public sealed class ConversationThreadTests(TwinningFactory factory) : IClassFixture<TwinningFactory>
{
    [Fact]
    public async Task The_owner_replies_and_unread_marks_follow_who_has_read_what()
    {
        var townA = await factory.CreateTownAsync("Readford", "DE");
        var townB = await factory.CreateTownAsync("Unreadham", "IE");
        var anna = await factory.OfficerAsync(townA, "anna@readford.example");
        var bridget = await factory.OfficerAsync(townB, "bridget@unreadham.example");
        var request = await factory.RequestAsync(townA, anna, "Choir exchange");
        var conversation = await factory.AnswerAsync(request, townB, bridget, "Our choir would like to visit.");
        var officerA = await factory.LoggedInClientAsync("anna@readford.example");
        var officerB = await factory.LoggedInClientAsync("bridget@unreadham.example");

        // A has not read B's answer; B wrote it, so it is not unread for B.
        var inboxA = await officerA.GetPageAsync("/en/conversations");
        Assert.Contains("Messages (1 unread)", inboxA, StringComparison.Ordinal);
        Assert.Contains("Unreadham", inboxA, StringComparison.Ordinal);
        Assert.Contains("Choir exchange", inboxA, StringComparison.Ordinal);
        Assert.Contains("<td>Unread</td>", inboxA, StringComparison.Ordinal);
        Assert.DoesNotContain("Messages (", await officerB.GetPageAsync("/en/conversations"), StringComparison.Ordinal);

        // Reading the thread marks it read.
        var thread = await officerA.GetPageAsync($"/en/conversations/details/{conversation}");
        Assert.Contains("Our choir would like to visit.", thread, StringComparison.Ordinal);
        var afterReading = await officerA.GetPageAsync("/en/conversations");
        Assert.DoesNotContain("Messages (", afterReading, StringComparison.Ordinal);
        Assert.Contains("<td>Read</td>", afterReading, StringComparison.Ordinal);

        var replied = await officerA.SubmitFormAsync($"/en/conversations/details/{conversation}", new Dictionary<string, string>
        {
            ["Input.ConversationId"] = conversation.Text(),
            ["Input.Body"] = "Wonderful, when would you come?",
        }, action: "/en/conversations/reply");
        Assert.Equal($"/en/conversations/details/{conversation}", replied.Location());

        Assert.Contains("Messages (1 unread)", await officerB.GetPageAsync("/en/conversations"), StringComparison.Ordinal);
        var notification = await factory.DbAsync(db => db.Notifications.SingleAsync(n => n.UserId == bridget));
        Assert.Equal(NotificationKind.NewMessage, notification.Kind);
        Assert.Equal("Notify.NewMessage", notification.TextKey);
        Assert.Equal(["Readford"], notification.Arguments);
        Assert.Equal($"conversations/details/{conversation}", notification.Link);

        var threadB = await officerB.GetPageAsync($"/en/conversations/details/{conversation}");
        Assert.True(threadB.IndexOf("Our choir would like to visit.", StringComparison.Ordinal) < threadB.IndexOf("Wonderful, when would you come?", StringComparison.Ordinal),
            "Messages are shown oldest first.");
        Assert.DoesNotContain("Messages (", await officerB.GetPageAsync("/en/conversations"), StringComparison.Ordinal);
        var read = await factory.DbAsync(db => db.ConversationReads.SingleAsync(r => r.ConversationId == conversation && r.UserId == bridget));
        var latest = await factory.DbAsync(db => db.Messages.Where(m => m.ConversationId == conversation).MaxAsync(m => m.Id));
        Assert.Equal(latest, read.LastReadMessageId);
    }

    [Fact]
    public async Task A_thread_shows_names_of_organisations_and_people_but_never_an_e_mail_address()
    {
        var townA = await factory.CreateTownAsync("Privacity", "DE");
        var townB = await factory.CreateTownAsync("Discretion", "IE");
        var anna = await factory.OfficerAsync(townA, "anna.secret@privacity.example");
        var bridget = await factory.OfficerAsync(townB, "bridget.secret@discretion.example");
        var request = await factory.RequestAsync(townA, anna, "Quiet partnership");
        var conversation = await factory.AnswerAsync(request, townB, bridget, "Hello from Discretion.");
        var officerA = await factory.LoggedInClientAsync("anna.secret@privacity.example");
        await officerA.SubmitFormAsync($"/en/conversations/details/{conversation}", new Dictionary<string, string>
        {
            ["Input.ConversationId"] = conversation.Text(),
            ["Input.Body"] = "Hello from Privacity.",
        }, action: "/en/conversations/reply");

        foreach (var client in new[] { officerA, await factory.LoggedInClientAsync("bridget.secret@discretion.example") })
        {
            var html = await client.GetPageAsync($"/en/conversations/details/{conversation}");
            Assert.Contains("Test anna.secret", html, StringComparison.Ordinal);
            Assert.Contains("Test bridget.secret", html, StringComparison.Ordinal);
            Assert.DoesNotContain("@privacity.example", html, StringComparison.Ordinal);
            Assert.DoesNotContain("@discretion.example", html, StringComparison.Ordinal);
            Assert.DoesNotContain("anna.secret@", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_officer_of_a_third_organisation_gets_404_on_the_thread_and_cannot_reply()
    {
        var townA = await factory.CreateTownAsync("Insideton", "DE");
        var townB = await factory.CreateTownAsync("Partnerby", "IE");
        var townC = await factory.CreateTownAsync("Outsiderville", "FR");
        var anna = await factory.OfficerAsync(townA, "anna@insideton.example");
        var bridget = await factory.OfficerAsync(townB, "bridget@partnerby.example");
        await factory.OfficerAsync(townC, "claude@outsiderville.example");
        var request = await factory.RequestAsync(townA, anna, "Private matters");
        var conversation = await factory.AnswerAsync(request, townB, bridget, "Just between us.");
        var outsider = await factory.LoggedInClientAsync("claude@outsiderville.example");

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/en/conversations/details/{conversation}")).StatusCode);
        Assert.DoesNotContain("Partnerby", await outsider.GetPageAsync("/en/conversations"), StringComparison.Ordinal);

        var token = HttpClientExtensions.AntiforgeryToken(await outsider.GetPageAsync("/en/conversations"));
        foreach (var side in new[] { string.Empty, townA.Text(), townC.Text() })
        {
            var fields = new Dictionary<string, string>
            {
                ["Input.ConversationId"] = conversation.Text(),
                ["Input.Body"] = "Let me in.",
                ["__RequestVerificationToken"] = token,
            };
            if (side.Length > 0)
                fields["Input.OrganisationId"] = side;
            var reply = await outsider.PostAsync("/en/conversations/reply", new FormUrlEncodedContent(fields));
            Assert.Equal(HttpStatusCode.NotFound, reply.StatusCode);
        }

        var message = await factory.DbAsync(db => db.Messages.Where(m => m.ConversationId == conversation).Select(m => m.Id).SingleAsync());
        var report = await outsider.PostAsync("/en/conversations/report", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["MessageId"] = message.Text(),
            ["Reason"] = "Curious.",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.NotFound, report.StatusCode);
        Assert.Equal(1, await factory.DbAsync(db => db.Messages.CountAsync(m => m.ConversationId == conversation)));
        Assert.False(await factory.DbAsync(db => db.Reports.AnyAsync(r => r.ContentId == message)));
    }

    [Fact]
    public async Task Reporting_a_message_sends_it_to_moderation_and_lets_an_admin_read_the_conversation()
    {
        var townA = await factory.CreateTownAsync("Reportingen", "DE");
        var townB = await factory.CreateTownAsync("Rudeford", "IE");
        var anna = await factory.OfficerAsync(townA, "anna@reportingen.example");
        var bridget = await factory.OfficerAsync(townB, "bridget@rudeford.example");
        var request = await factory.RequestAsync(townA, anna, "Polite partner wanted");
        var conversation = await factory.AnswerAsync(request, townB, bridget, "Buy cheap watches at example.com!");
        var message = await factory.DbAsync(db => db.Messages.Where(m => m.ConversationId == conversation).Select(m => m.Id).SingleAsync());
        var adminKey = await factory.CreateTwoFactorUserAsync("moderator@cemr.example", Roles.Admin);
        var admin = await factory.LoggedInClientAsync("moderator@cemr.example", adminKey);

        // Admins moderate; they do not read private conversations that nobody reported.
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/en/conversations/details/{conversation}")).StatusCode);

        var officerA = await factory.LoggedInClientAsync("anna@reportingen.example");
        var thread = await officerA.GetPageAsync($"/en/conversations/details/{conversation}");
        Assert.Contains("Report this message", thread, StringComparison.Ordinal);
        var reported = await officerA.SubmitFormAsync($"/en/conversations/details/{conversation}", new Dictionary<string, string>
        {
            ["MessageId"] = message.Text(),
            ["Reason"] = "Spam.",
        }, action: "/en/conversations/report");
        Assert.Equal($"/en/conversations/details/{conversation}", reported.Location());
        Assert.Contains("The message has been sent to the moderators.", await officerA.GetPageAsync(reported.Location()), StringComparison.Ordinal);

        var report = await factory.DbAsync(db => db.Reports.SingleAsync(r => r.ContentId == message));
        Assert.Equal(ContentKind.Message, report.Kind);
        Assert.Equal(anna, report.ReporterUserId);
        Assert.Equal("Spam.", report.Reason);
        Assert.Equal(ReportStatus.Open, report.Status);

        var moderated = await admin.GetPageAsync($"/en/conversations/details/{conversation}");
        Assert.Contains("Buy cheap watches", moderated, StringComparison.Ordinal);
        Assert.Contains("as a moderator", moderated, StringComparison.Ordinal);
        Assert.DoesNotContain("/en/conversations/reply", moderated, StringComparison.Ordinal);

        // One's own organisation's messages are not reported from the thread.
        var officerB = await factory.LoggedInClientAsync("bridget@rudeford.example");
        Assert.DoesNotContain("Report this message", await officerB.GetPageAsync($"/en/conversations/details/{conversation}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hidden_message_is_replaced_by_a_note_from_the_moderators()
    {
        var townA = await factory.CreateTownAsync("Hiddenhausen", "DE");
        var townB = await factory.CreateTownAsync("Shownton", "IE");
        var anna = await factory.OfficerAsync(townA, "anna@hiddenhausen.example");
        var bridget = await factory.OfficerAsync(townB, "bridget@shownton.example");
        var request = await factory.RequestAsync(townA, anna, "Clean talk");
        var conversation = await factory.AnswerAsync(request, townB, bridget, "Something a moderator removed.");
        await factory.DbAsync(async db =>
        {
            var message = await db.Messages.SingleAsync(m => m.ConversationId == conversation);
            message.Hide("Insulting.");
            return await db.SaveChangesAsync();
        });

        var html = await (await factory.LoggedInClientAsync("anna@hiddenhausen.example")).GetPageAsync($"/en/conversations/details/{conversation}");

        Assert.DoesNotContain("Something a moderator removed.", html, StringComparison.Ordinal);
        Assert.Contains("This message was removed by a moderator.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_writes_to_another_town_from_its_profile()
    {
        var townA = await factory.CreateTownAsync("Profiledorf", "DE");
        var townB = await factory.CreateTownAsync("Contactford", "IE");
        var anna = await factory.OfficerAsync(townA, "anna@profiledorf.example");
        var bridget = await factory.OfficerAsync(townB, "bridget@contactford.example");
        var client = await factory.LoggedInClientAsync("bridget@contactford.example");

        var profile = await client.GetPageAsync($"/en/directory/profile/{townA}");
        Assert.Contains($"href=\"/en/conversations/contact?organisationId={townA}\"", profile, StringComparison.Ordinal);
        Assert.DoesNotContain("/en/conversations/contact", await client.GetPageAsync($"/en/directory/profile/{townB}"), StringComparison.Ordinal);
        Assert.DoesNotContain("/en/conversations/contact", await factory.CreateBrowserlikeClient().GetPageAsync($"/en/directory/profile/{townA}"), StringComparison.Ordinal);

        var sent = await client.SubmitFormAsync($"/en/conversations/contact?organisationId={townA}", new Dictionary<string, string>
        {
            ["Input.ToOrganisationId"] = townA.Text(),
            ["Input.OrganisationId"] = townB.Text(),
            ["Input.Body"] = "Shall we talk about a friendship?",
        }, action: "/en/conversations/contact");

        var conversation = await factory.DbAsync(db => db.Conversations.SingleAsync(c => c.InitiatorOrganisationId == townB && c.RecipientOrganisationId == townA));
        Assert.Equal($"/en/conversations/details/{conversation.Id}", sent.Location());
        Assert.Null(conversation.RequestId);
        Assert.Null(conversation.AnswerState);
        var notification = await factory.DbAsync(db => db.Notifications.SingleAsync(n => n.UserId == anna));
        Assert.Equal(NotificationKind.NewMessage, notification.Kind);
        Assert.Equal(["Contactford"], notification.Arguments);
        Assert.False(await factory.DbAsync(db => db.Notifications.AnyAsync(n => n.UserId == bridget)));

        // Not to one's own organisation.
        var own = await client.SubmitFormAsync($"/en/conversations/contact?organisationId={townA}", new Dictionary<string, string>
        {
            ["Input.ToOrganisationId"] = townB.Text(),
            ["Input.OrganisationId"] = townB.Text(),
            ["Input.Body"] = "Talking to myself.",
        }, action: "/en/conversations/contact");
        Assert.Contains("An organisation cannot write to itself.", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await factory.DbAsync(db => db.Conversations.CountAsync(c => c.InitiatorOrganisationId == townB || c.RecipientOrganisationId == townB)));
    }
}
