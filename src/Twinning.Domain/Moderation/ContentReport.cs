namespace Twinning.Domain.Moderation;

/// <summary>What can be reported and hidden by a moderator.</summary>
public enum ContentKind
{
    Request = 0,
    Message = 1,
    Profile = 2,
}

public enum ReportStatus
{
    Open = 0,
    Dismissed = 1,
    Hidden = 2,
}

/// <summary>A person's report that a request, a message or a profile text is inappropriate; decided by an admin.</summary>
public class ContentReport
{
    public const int ReasonMaxLength = 1000;

    protected ContentReport()
    {
    }

    public ContentReport(ContentKind kind, long contentId, string reporterUserId, string reason, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reporterUserId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Kind = kind;
        ContentId = contentId;
        ReporterUserId = reporterUserId;
        Reason = reason.Trim();
        CreatedAt = now;
    }

    public long Id { get; private set; }

    public ContentKind Kind { get; private set; }

    /// <summary>The request, message or organisation id.</summary>
    public long ContentId { get; private set; }

    public string ReporterUserId { get; private set; } = string.Empty;

    public string Reason { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public ReportStatus Status { get; private set; }

    public string? DecidedByUserId { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public void Decide(ReportStatus outcome, string moderatorUserId, DateTimeOffset now)
    {
        if (outcome == ReportStatus.Open)
            throw new ArgumentException("A decision closes the report.", nameof(outcome));
        Status = outcome;
        DecidedByUserId = moderatorUserId;
        DecidedAt = now;
    }
}
