using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Domain.Conversations;
using Twinning.Domain.Requests;
using Twinning.Domain.Verification;
using Twinning.Infrastructure.Data;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Conversations;

/// <summary>Towns, their officers and their requests, written directly to the database.</summary>
internal static class ConversationScenario
{
    public static string Text(this int id) => id.ToString(CultureInfo.InvariantCulture);

    public static string Text(this long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A confirmed account acting for the organisation.</summary>
    public static async Task<string> OfficerAsync(this TwinningFactory factory, int organisationId, string email, string culture = "en")
    {
        var user = await factory.CreateUserAsync(email, culture);
        await factory.DbAsync(db =>
        {
            db.Officers.Add(new OrganisationOfficer(organisationId, user.Id, "twinning officer", DateTimeOffset.UtcNow));
            return db.SaveChangesAsync();
        });
        return user.Id;
    }

    /// <summary>A request of the organisation, submitted and (unless told otherwise) validated, which publishes it.</summary>
    public static Task<int> RequestAsync(this TwinningFactory factory, int organisationId, string createdBy, string title, bool publish = true) =>
        factory.DbAsync(async db =>
        {
            var country = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.CountryCode).SingleAsync();
            var request = new PartnerRequest(organisationId, country, createdBy,
                new RequestContent(RequestPurpose.NewTwinning, [new RequestText("en", title, "We look for a partner town of our size.")], [], [], [], ["en"], null, null),
                DateTimeOffset.UtcNow);
            request.Submit(DateTimeOffset.UtcNow);
            if (publish)
                request.Validate(createdBy, DateTimeOffset.UtcNow);
            db.Requests.Add(request);
            await db.SaveChangesAsync();
            return request.Id;
        });

    /// <summary>An answer of one organisation to a request, written directly.</summary>
    public static Task<int> AnswerAsync(this TwinningFactory factory, int requestId, int answeringOrganisationId, string senderId, string body) =>
        factory.DbAsync(async db =>
        {
            var owner = await db.Requests.Where(r => r.Id == requestId).Select(r => r.OrganisationId).SingleAsync();
            var conversation = Conversation.Answer(answeringOrganisationId, owner, requestId, senderId, body, DateTimeOffset.UtcNow);
            db.Conversations.Add(conversation);
            await db.SaveChangesAsync();
            return conversation.Id;
        });

    public static Task<T> DbAsync<T>(this TwinningFactory factory, Func<TwinningDbContext, Task<T>> action) =>
        factory.WithServiceAsync(sp => action(sp.GetRequiredService<TwinningDbContext>()));
}
