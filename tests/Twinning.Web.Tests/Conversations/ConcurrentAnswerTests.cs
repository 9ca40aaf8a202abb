using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Infrastructure.Data;
using Twinning.Web.Features.Conversations;
using Twinning.Web.Tests.Requests;

namespace Twinning.Web.Tests.Conversations;

/// <summary>Two officers of one organisation answering the same request at the same instant share one conversation.</summary>
public sealed class ConcurrentAnswerTests(RequestWorld world) : IClassFixture<RequestWorld>
{
    [Fact]
    public async Task Simultaneous_answers_from_one_organisation_end_in_one_conversation_with_both_messages()
    {
        var requestId = await world.CreateRequestAsync("Answered twice at once");

        Task<int> AnswerAsync(string body) => world.WithServiceAsync(async sp =>
        {
            var db = sp.GetRequiredService<TwinningDbContext>();
            var request = await db.Requests.Include(r => r.Texts).SingleAsync(r => r.Id == requestId);
            var answering = await db.Organisations.SingleAsync(o => o.Id == world.TownB);
            var officer = await db.Officers.Where(o => o.OrganisationId == world.TownB).Select(o => o.UserId).FirstAsync();
            return await sp.GetRequiredService<ConversationService>().AnswerAsync(request, answering, "Answered twice at once", officer, body);
        });

        var ids = await Task.WhenAll(Enumerable.Range(1, 4).Select(i => AnswerAsync($"Answer number {i}")));

        Assert.Single(ids.Distinct());
        var (conversations, messages) = await world.WithServiceAsync(async sp =>
        {
            var db = sp.GetRequiredService<TwinningDbContext>();
            return (await db.Conversations.CountAsync(c => c.RequestId == requestId),
                await db.Messages.CountAsync(m => db.Conversations.Any(c => c.Id == m.ConversationId && c.RequestId == requestId)));
        });
        Assert.Equal(1, conversations);
        Assert.Equal(4, messages);
    }
}
