namespace Twinning.Domain.Conversations;

/// <summary>How the owner of a request handles an answer to it.</summary>
public enum AnswerState
{
    New = 0,
    Shortlisted = 1,
    Declined = 2,
    Matched = 3,
}

/// <summary>
/// A private exchange between two organisations (all their officers), opened by an answer to a request
/// or from a profile's contact button. Nobody's e-mail address is ever shown in it.
/// </summary>
public class Conversation
{
    private readonly List<Message> _messages = [];

    protected Conversation()
    {
    }

    private Conversation(int initiatorId, int recipientId, int? requestId, DateTimeOffset now)
    {
        if (initiatorId == recipientId)
            throw new ArgumentException("An organisation does not write to itself.", nameof(recipientId));
        InitiatorOrganisationId = initiatorId;
        RecipientOrganisationId = recipientId;
        RequestId = requestId;
        CreatedAt = now;
        LastMessageAt = now;
        AnswerState = requestId is null ? null : Conversations.AnswerState.New;
    }

    public int Id { get; private set; }

    /// <summary>The organisation that wrote first (the one answering a request).</summary>
    public int InitiatorOrganisationId { get; private set; }

    /// <summary>The organisation written to (the request's owner).</summary>
    public int RecipientOrganisationId { get; private set; }

    /// <summary>The request this conversation answers, if it began as an answer.</summary>
    public int? RequestId { get; private set; }

    /// <summary>The request owner's handling of the answer; null for a conversation that did not begin as one.</summary>
    public AnswerState? AnswerState { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset LastMessageAt { get; private set; }

    public IReadOnlyCollection<Message> Messages => _messages;

    public static Conversation Answer(int answeringOrganisationId, int requestOwnerId, int requestId, string senderUserId, string body, DateTimeOffset now)
    {
        var conversation = new Conversation(answeringOrganisationId, requestOwnerId, requestId, now);
        conversation.Post(answeringOrganisationId, senderUserId, body, now);
        return conversation;
    }

    public static Conversation Contact(int fromOrganisationId, int toOrganisationId, string senderUserId, string body, DateTimeOffset now)
    {
        var conversation = new Conversation(fromOrganisationId, toOrganisationId, null, now);
        conversation.Post(fromOrganisationId, senderUserId, body, now);
        return conversation;
    }

    public bool Involves(int organisationId) => organisationId == InitiatorOrganisationId || organisationId == RecipientOrganisationId;

    public int OtherThan(int organisationId) =>
        organisationId == InitiatorOrganisationId ? RecipientOrganisationId
        : organisationId == RecipientOrganisationId ? InitiatorOrganisationId
        : throw new ArgumentException("The organisation is not part of this conversation.", nameof(organisationId));

    public Message Post(int fromOrganisationId, string senderUserId, string body, DateTimeOffset now)
    {
        if (!Involves(fromOrganisationId))
            throw new InvalidOperationException("Only the two organisations write in their conversation.");
        var message = new Message(fromOrganisationId, senderUserId, body, now);
        _messages.Add(message);
        LastMessageAt = now;
        return message;
    }

    public void Shortlist() => SetAnswerState(Conversations.AnswerState.Shortlisted);

    public void Decline() => SetAnswerState(Conversations.AnswerState.Declined);

    public void Match() => SetAnswerState(Conversations.AnswerState.Matched);

    private void SetAnswerState(AnswerState state)
    {
        if (AnswerState is null)
            throw new InvalidOperationException("Only an answer to a request is shortlisted, declined or matched.");
        if (AnswerState == Conversations.AnswerState.Matched)
            throw new InvalidOperationException("This answer is already the match.");
        AnswerState = state;
    }
}

public class Message
{
    public const int BodyMaxLength = 4000;

    protected Message()
    {
    }

    internal Message(int fromOrganisationId, string senderUserId, string body, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(senderUserId);
        ArgumentException.ThrowIfNullOrWhiteSpace(body);
        var trimmed = body.Trim();
        if (trimmed.Length > BodyMaxLength)
            throw new ArgumentException($"A message has at most {BodyMaxLength} characters.", nameof(body));
        FromOrganisationId = fromOrganisationId;
        SenderUserId = senderUserId;
        Body = trimmed;
        SentAt = now;
    }

    public long Id { get; private set; }

    public int ConversationId { get; private set; }

    public int FromOrganisationId { get; private set; }

    /// <summary>Kept as an id only, so that a deleted account leaves its organisation's messages in place.</summary>
    public string SenderUserId { get; private set; } = string.Empty;

    public string Body { get; private set; } = string.Empty;

    public DateTimeOffset SentAt { get; private set; }

    public string? HiddenReason { get; private set; }

    public bool IsHidden => HiddenReason is not null;

    public void Hide(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        HiddenReason = reason.Trim();
    }

    public void Restore() => HiddenReason = null;
}

/// <summary>How far one person has read one conversation.</summary>
public class ConversationRead
{
    protected ConversationRead()
    {
    }

    public ConversationRead(int conversationId, string userId, long lastReadMessageId)
    {
        ConversationId = conversationId;
        UserId = userId;
        LastReadMessageId = lastReadMessageId;
    }

    public int ConversationId { get; private set; }

    public string UserId { get; private set; } = string.Empty;

    public long LastReadMessageId { get; private set; }

    public void ReadUpTo(long messageId) => LastReadMessageId = Math.Max(LastReadMessageId, messageId);
}
