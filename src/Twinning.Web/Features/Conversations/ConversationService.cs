using Microsoft.EntityFrameworkCore;
using Twinning.Domain.Conversations;
using Twinning.Domain.Directory;
using Twinning.Domain.Notifications;
using Twinning.Domain.Requests;
using Twinning.Domain.Verification;
using Twinning.Infrastructure.Data;
using Twinning.Web.Features.Notifications;

namespace Twinning.Web.Features.Conversations;

public enum MatchOutcome
{
    Done,

    /// <summary>The request changed (edited, matched, closed) since the owner opened the list.</summary>
    Changed,

    /// <summary>The request is no longer published, or this answer was already the match.</summary>
    NotOpen,
}

/// <summary>
/// Writes conversations: answers, contacts, replies and the owner's match, each saved with its
/// notifications in one unit of work so that nobody is told about a message that was not saved.
/// </summary>
public sealed class ConversationService(TwinningDbContext db, Notifier notifier, TimeProvider clock)
{
    /// <summary>Where a notification about a conversation leads (no language segment).</summary>
    public static string ThreadLink(int conversationId) => $"conversations/details/{conversationId}";

    public const string LinksLink = "conversations/links";

    /// <summary>The organisations the person acts for, by name.</summary>
    public Task<List<OrganisationOption>> OrganisationsOfAsync(string userId, CancellationToken cancellationToken = default) =>
        (from o in db.Officers
         join org in db.Organisations on o.OrganisationId equals org.Id
         where o.UserId == userId
         orderby org.Name
         select new OrganisationOption(org.Id, org.Name)).ToListAsync(cancellationToken);

    /// <summary>
    /// Conversations of the person's organisations with a message they have not read, written by
    /// somebody else (one's own messages are never unread). One query; shown in the header on every page.
    /// </summary>
    public Task<int> UnreadCountAsync(string userId, CancellationToken cancellationToken = default)
    {
        var mine = db.Officers.Where(o => o.UserId == userId).Select(o => o.OrganisationId);
        return db.Conversations
            .Where(c => mine.Contains(c.InitiatorOrganisationId) || mine.Contains(c.RecipientOrganisationId))
            .Where(c => c.Messages.Any(m => m.SenderUserId != userId &&
                m.Id > (db.ConversationReads.Where(r => r.ConversationId == c.Id && r.UserId == userId).Select(r => (long?)r.LastReadMessageId).FirstOrDefault() ?? 0)))
            .CountAsync(cancellationToken);
    }

    /// <summary>
    /// An organisation answers a request: a new conversation with its first message, or, when it has
    /// answered before, one more message in that conversation (one conversation per request and answering
    /// organisation). Conversation, message and notifications are saved in one transaction.
    /// </summary>
    public Task<int> AnswerAsync(PartnerRequest request, Organisation answering, string requestTitle, string userId, string body,
        CancellationToken cancellationToken = default) =>
        AnswerAsync(request, answering, requestTitle, userId, body, retry: true, cancellationToken);

    private async Task<int> AnswerAsync(PartnerRequest request, Organisation answering, string requestTitle, string userId, string body,
        bool retry, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var existing = await db.Conversations
            .SingleOrDefaultAsync(c => c.RequestId == request.Id && c.InitiatorOrganisationId == answering.Id, cancellationToken);
        var recipients = await notifier.OfficersOfAsync(request.OrganisationId, cancellationToken);
        if (existing is not null)
        {
            existing.Post(answering.Id, userId, body, now);
            await notifier.AddAsync(recipients, NotificationKind.NewMessage, "Notify.NewMessage", [answering.Name], ThreadLink(existing.Id), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return existing.Id;
        }

        var conversation = Conversation.Answer(answering.Id, request.OrganisationId, request.Id, userId, body, now);
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            await strategy.ExecuteAsync(async () =>
            {
                // The notification links to the conversation, whose id exists only once it is saved:
                // two saves, one transaction.
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                db.Conversations.Add(conversation);
                await db.SaveChangesAsync(cancellationToken);
                await notifier.AddAsync(recipients, NotificationKind.NewAnswer, "Notify.NewAnswer", [answering.Name, requestTitle], ThreadLink(conversation.Id), cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
        }
        catch (DbUpdateException) when (retry)
        {
            // A colleague of the same organisation answered at the same instant (the unique index on
            // request and answering organisation refused a second conversation): add this message to theirs.
            db.ChangeTracker.Clear();
            return await AnswerAsync(request, answering, requestTitle, userId, body, retry: false, cancellationToken);
        }
        return conversation.Id;
    }

    /// <summary>
    /// An organisation writes to another from its profile: into their existing conversation that is not
    /// about a request, or a new one.
    /// </summary>
    public async Task<int> ContactAsync(Organisation from, int toOrganisationId, string userId, string body, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var existing = await db.Conversations
            .Where(c => c.RequestId == null &&
                ((c.InitiatorOrganisationId == from.Id && c.RecipientOrganisationId == toOrganisationId) ||
                 (c.InitiatorOrganisationId == toOrganisationId && c.RecipientOrganisationId == from.Id)))
            .OrderBy(c => c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var recipients = await notifier.OfficersOfAsync(toOrganisationId, cancellationToken);
        var conversation = existing ?? Conversation.Contact(from.Id, toOrganisationId, userId, body, now);
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (existing is null)
                db.Conversations.Add(conversation);
            else
                existing.Post(from.Id, userId, body, now);
            await db.SaveChangesAsync(cancellationToken);
            await notifier.AddAsync(recipients, NotificationKind.NewMessage, "Notify.NewMessage", [from.Name], ThreadLink(conversation.Id), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        return conversation.Id;
    }

    /// <summary>A message into an existing conversation; the other side's officers are told.</summary>
    public async Task PostAsync(Conversation conversation, int fromOrganisationId, string userId, string body, CancellationToken cancellationToken = default)
    {
        conversation.Post(fromOrganisationId, userId, body, clock.GetUtcNow());
        await NotifyOtherSideAsync(conversation, fromOrganisationId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The owner declines an answer, with a courtesy message when one is written.</summary>
    public async Task DeclineAsync(Conversation conversation, string userId, string? message, CancellationToken cancellationToken = default)
    {
        conversation.Decline();
        if (!string.IsNullOrWhiteSpace(message))
        {
            conversation.Post(conversation.RecipientOrganisationId, userId, message, clock.GetUtcNow());
            await NotifyOtherSideAsync(conversation, conversation.RecipientOrganisationId, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The owner marks an answer as the match: the answer, the request, a pending link between the two
    /// organisations (unless they are linked already), the audit entry and the answering officers'
    /// notifications change together (one SaveChanges, one transaction). The request's concurrency stamp
    /// is the one the owner saw, so a change made meanwhile refuses the match instead of overriding it.
    /// </summary>
    public async Task<MatchOutcome> MatchAsync(Conversation conversation, PartnerRequest request, Guid seenStamp, LinkType type, string userId,
        string ownerName, string requestTitle, CancellationToken cancellationToken = default)
    {
        if (request.ConcurrencyStamp != seenStamp)
            return MatchOutcome.Changed;
        if (request.Status != RequestStatus.Published || conversation.AnswerState == AnswerState.Matched)
            return MatchOutcome.NotOpen;

        var now = clock.GetUtcNow();
        var owner = request.OrganisationId;
        var partner = conversation.InitiatorOrganisationId;
        db.Entry(request).Property(r => r.ConcurrencyStamp).OriginalValue = seenStamp;
        conversation.Match();
        request.MarkMatched(partner, now);
        var (a, b) = owner < partner ? (owner, partner) : (partner, owner);
        if (!await db.TwinningLinks.AnyAsync(l => l.OrganisationAId == a && l.OrganisationBId == b, cancellationToken))
            db.TwinningLinks.Add(TwinningLink.Propose(owner, partner, type, now));
        db.AuditLog.Add(new AuditEntry(now, userId, "request.matched", request.CountryCode, owner,
            $"request {request.Id} matched with organisation {partner} ({type})"));
        await notifier.AddAsync(await notifier.OfficersOfAsync(partner, cancellationToken), NotificationKind.NewMessage, "Notify.Matched",
            [ownerName, requestTitle], LinksLink, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return MatchOutcome.Changed;
        }
        return MatchOutcome.Done;
    }

    /// <summary>
    /// Records that the person has read the conversation up to a message. Reading is not a business
    /// state change: it changes nothing anybody else sees except this person's unread marks, and repeating
    /// it changes nothing; so it is done when the thread is shown (GET) rather than by a separate POST.
    /// </summary>
    public async Task MarkReadAsync(int conversationId, string userId, long messageId, CancellationToken cancellationToken = default)
    {
        var read = await db.ConversationReads.SingleOrDefaultAsync(r => r.ConversationId == conversationId && r.UserId == userId, cancellationToken);
        if (read is null)
            db.ConversationReads.Add(new ConversationRead(conversationId, userId, messageId));
        else if (read.LastReadMessageId >= messageId)
            return;
        else
            read.ReadUpTo(messageId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same person opened the thread twice at once and the other request recorded the read first.
            db.ChangeTracker.Clear();
        }
    }

    private async Task NotifyOtherSideAsync(Conversation conversation, int fromOrganisationId, CancellationToken cancellationToken)
    {
        var fromName = await db.Organisations.Where(o => o.Id == fromOrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var recipients = await notifier.OfficersOfAsync(conversation.OtherThan(fromOrganisationId), cancellationToken);
        await notifier.AddAsync(recipients, NotificationKind.NewMessage, "Notify.NewMessage", [fromName], ThreadLink(conversation.Id), cancellationToken);
    }
}
