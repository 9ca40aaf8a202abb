namespace Twinning.Domain.Notifications;

/// <summary>What a notification is about; each person chooses per kind how they hear of it.</summary>
public enum NotificationKind
{
    ClaimDecision = 0,
    RequestDecision = 1,
    NewAnswer = 2,
    NewMessage = 3,
    SavedSearch = 4,
}

/// <summary>How a person wants the e-mails of one kind. The notification centre shows everything regardless.</summary>
public enum Delivery
{
    Immediately = 0,
    Daily = 1,
    Weekly = 2,
    Off = 3,
}

/// <summary>
/// One thing a person should know, written in their language when it is shown or mailed: the text is
/// a resource key with its values, the link a path inside the platform without the language segment.
/// </summary>
public class Notification
{
    public const int KeyMaxLength = 80;
    public const int LinkMaxLength = 300;
    public const int ArgumentsMaxLength = 2000;

    protected Notification()
    {
    }

    public Notification(string userId, NotificationKind kind, string textKey, IReadOnlyList<string> arguments, string link,
        Delivery delivery, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(textKey);
        UserId = userId;
        Kind = kind;
        TextKey = textKey;
        Arguments = arguments;
        Link = link;
        Delivery = delivery;
        CreatedAt = now;
        EmailDueAt = DeliverySchedule.DueAt(delivery, now);
    }

    public long Id { get; private set; }

    public string UserId { get; private set; } = string.Empty;

    public NotificationKind Kind { get; private set; }

    public string TextKey { get; private set; } = string.Empty;

    public IReadOnlyList<string> Arguments { get; private set; } = [];

    public string Link { get; private set; } = string.Empty;

    public Delivery Delivery { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    /// <summary>When the e-mail is due: at once, at the next digest, or never (null).</summary>
    public DateTimeOffset? EmailDueAt { get; private set; }

    public DateTimeOffset? EmailedAt { get; private set; }

    public bool IsRead => ReadAt is not null;

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;

    public void MarkEmailed(DateTimeOffset now) => EmailedAt = now;

    /// <summary>The person turned this kind off (e.g. from an unsubscribe link) before the e-mail went.</summary>
    public void CancelEmail() => EmailDueAt = EmailedAt is null ? null : EmailDueAt;

    /// <summary>
    /// The person chose another delivery for this kind: an e-mail not yet sent goes by the new choice,
    /// counted from now (at once, at the next digest, or never).
    /// </summary>
    public void Reschedule(Delivery delivery, DateTimeOffset now)
    {
        if (EmailedAt is not null || EmailDueAt is null)
            return;
        Delivery = delivery;
        EmailDueAt = DeliverySchedule.DueAt(delivery, now);
    }
}

/// <summary>
/// When e-mails of each delivery go: at once; daily digests at 07:00 UTC; weekly digests on Monday at
/// 07:00 UTC (morning everywhere in Europe).
/// </summary>
public static class DeliverySchedule
{
    public static readonly TimeOnly DigestTime = new(7, 0);

    public static DateTimeOffset? DueAt(Delivery delivery, DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        var todayAtDigest = new DateTimeOffset(DateOnly.FromDateTime(utc.UtcDateTime), DigestTime, TimeSpan.Zero);
        switch (delivery)
        {
            case Delivery.Immediately:
                return now;
            case Delivery.Daily:
                return todayAtDigest > utc ? todayAtDigest : todayAtDigest.AddDays(1);
            case Delivery.Weekly:
                var days = ((int)DayOfWeek.Monday - (int)utc.DayOfWeek + 7) % 7;
                var monday = todayAtDigest.AddDays(days);
                return monday > utc ? monday : monday.AddDays(7);
            default:
                return null;
        }
    }

    /// <summary>What a person gets for a kind they have not chosen for: everything at once, saved searches daily.</summary>
    public static Delivery Default(NotificationKind kind) => kind == NotificationKind.SavedSearch ? Delivery.Daily : Delivery.Immediately;
}

public class NotificationPreference
{
    protected NotificationPreference()
    {
    }

    public NotificationPreference(string userId, NotificationKind kind, Delivery delivery)
    {
        UserId = userId;
        Kind = kind;
        Delivery = delivery;
    }

    public string UserId { get; private set; } = string.Empty;

    public NotificationKind Kind { get; private set; }

    public Delivery Delivery { get; private set; }

    public void Choose(Delivery delivery) => Delivery = delivery;
}

/// <summary>A request search a person keeps as an alert: new published requests that match it are notified.</summary>
public class SavedSearch
{
    public const int NameMaxLength = 120;
    public const int QueryMaxLength = 2000;

    protected SavedSearch()
    {
    }

    public SavedSearch(string userId, string name, string queryJson, string queryString, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        UserId = userId;
        Name = name.Trim();
        QueryJson = queryJson;
        QueryString = queryString;
        CreatedAt = now;
    }

    public int Id { get; private set; }

    public string UserId { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    /// <summary>The <c>RequestQuery</c> as JSON: what is matched against new requests.</summary>
    public string QueryJson { get; private set; } = string.Empty;

    /// <summary>The search page's query string: where the alert's link leads.</summary>
    public string QueryString { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }
}
