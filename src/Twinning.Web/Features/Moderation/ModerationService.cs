using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Twinning.Domain.Moderation;
using Twinning.Domain.Verification;
using Twinning.Infrastructure.Data;
using Twinning.Web.Features.Verification;

namespace Twinning.Web.Features.Moderation;

/// <summary>A request, a message or a profile's texts, as the moderation forms name it.</summary>
public sealed record ModerateTarget(ContentKind Kind, long ContentId, bool IsHidden);

/// <summary>What a report points at, for the moderator to judge without opening it.</summary>
public sealed record ReportedContent(ContentKind Kind, long ContentId, string Preview, string? Language, bool IsHidden, string? HiddenReason, int? OrganisationId, string CountryCode);

/// <summary>Reports from users, and CEMR's decisions on them: hide or restore content, or dismiss the report. Every decision is audited.</summary>
public sealed class ModerationService(TwinningDbContext db, TimeProvider clock)
{
    /// <summary>Files a report (once per person and content); false when the content does not exist.</summary>
    public async Task<bool> ReportAsync(ClaimsPrincipal user, ContentKind kind, long contentId, string reason, CancellationToken cancellationToken)
    {
        if (await FindAsync(kind, contentId, cancellationToken) is null)
            return false;
        var reporter = Remit.UserId(user);
        if (!await db.Reports.AnyAsync(r => r.Kind == kind && r.ContentId == contentId && r.ReporterUserId == reporter && r.Status == ReportStatus.Open, cancellationToken))
        {
            db.Reports.Add(new ContentReport(kind, contentId, reporter, reason, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }
        return true;
    }

    /// <summary>Hides the content and closes its open reports as acted upon.</summary>
    public Task<bool> HideAsync(ClaimsPrincipal moderator, ContentKind kind, long contentId, string reason, CancellationToken cancellationToken) =>
        DecideAsync(moderator, kind, contentId, hide: true, reason, cancellationToken);

    public Task<bool> RestoreAsync(ClaimsPrincipal moderator, ContentKind kind, long contentId, CancellationToken cancellationToken) =>
        DecideAsync(moderator, kind, contentId, hide: false, null, cancellationToken);

    public async Task<bool> DismissAsync(ClaimsPrincipal moderator, long reportId, CancellationToken cancellationToken)
    {
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == reportId && r.Status == ReportStatus.Open, cancellationToken);
        if (report is null)
            return false;
        var now = clock.GetUtcNow();
        report.Decide(ReportStatus.Dismissed, Remit.UserId(moderator), now);
        var content = await FindAsync(report.Kind, report.ContentId, cancellationToken);
        db.AuditLog.Add(new AuditEntry(now, Remit.UserId(moderator), "moderation.dismissed", content?.CountryCode, content?.OrganisationId,
            $"{report.Kind} {report.ContentId}: report {report.Id}"));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<ReportedContent?> FindAsync(ContentKind kind, long contentId, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case ContentKind.Request:
                var request = await db.Requests.AsNoTracking().Include(r => r.Texts).SingleOrDefaultAsync(r => r.Id == contentId, cancellationToken);
                if (request is null)
                    return null;
                var text = request.TextFor("en");
                return new ReportedContent(kind, contentId, text.Title + "\n" + text.Description, text.Language, request.IsHidden, request.HiddenReason,
                    request.OrganisationId, request.CountryCode);
            case ContentKind.Message:
                var message = await db.Messages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == contentId, cancellationToken);
                if (message is null)
                    return null;
                var country = await db.Organisations.Where(o => o.Id == message.FromOrganisationId).Select(o => o.CountryCode).SingleAsync(cancellationToken);
                return new ReportedContent(kind, contentId, message.Body, null, message.IsHidden, message.HiddenReason, message.FromOrganisationId, country);
            case ContentKind.Profile:
                var organisation = await db.Organisations.AsNoTracking().Include(o => o.Descriptions).SingleOrDefaultAsync(o => o.Id == contentId, cancellationToken);
                if (organisation is null)
                    return null;
                return new ReportedContent(kind, contentId, organisation.Name + "\n" + string.Join("\n\n", organisation.Descriptions.Select(d => d.Text)), null,
                    organisation.IsTextHidden, organisation.TextHiddenReason, organisation.Id, organisation.CountryCode);
            default:
                return null;
        }
    }

    private async Task<bool> DecideAsync(ClaimsPrincipal moderator, ContentKind kind, long contentId, bool hide, string? reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        string country;
        int organisationId;
        switch (kind)
        {
            case ContentKind.Request:
                var request = await db.Requests.SingleOrDefaultAsync(r => r.Id == contentId, cancellationToken);
                if (request is null)
                    return false;
                if (hide)
                    request.Hide(reason!, now);
                else
                    request.Restore(now);
                (country, organisationId) = (request.CountryCode, request.OrganisationId);
                break;
            case ContentKind.Message:
                var message = await db.Messages.SingleOrDefaultAsync(m => m.Id == contentId, cancellationToken);
                if (message is null)
                    return false;
                if (hide)
                    message.Hide(reason!);
                else
                    message.Restore();
                organisationId = message.FromOrganisationId;
                country = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.CountryCode).SingleAsync(cancellationToken);
                break;
            case ContentKind.Profile:
                var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == contentId, cancellationToken);
                if (organisation is null)
                    return false;
                if (hide)
                    organisation.HideText(reason!, now);
                else
                    organisation.RestoreText(now);
                (country, organisationId) = (organisation.CountryCode, organisation.Id);
                break;
            default:
                return false;
        }

        var actor = Remit.UserId(moderator);
        if (hide)
        {
            var open = await db.Reports.Where(r => r.Kind == kind && r.ContentId == contentId && r.Status == ReportStatus.Open).ToListAsync(cancellationToken);
            foreach (var report in open)
                report.Decide(ReportStatus.Hidden, actor, now);
        }
        db.AuditLog.Add(new AuditEntry(now, actor, hide ? "moderation.hidden" : "moderation.restored", country, organisationId, $"{kind} {contentId}: {reason}"));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
