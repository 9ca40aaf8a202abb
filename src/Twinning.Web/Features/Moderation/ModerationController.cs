using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Twinning.Domain.Moderation;
using Twinning.Infrastructure.Data;
using Twinning.Web.Resources;
using Twinning.Web.Security;

namespace Twinning.Web.Features.Moderation;

public sealed class ReportInput
{
    public ContentKind Kind { get; set; }
    public long ContentId { get; set; }
    public string? Reason { get; set; }
}

public sealed class ModerationInput
{
    public ContentKind Kind { get; set; }
    public long ContentId { get; set; }
    public string? Reason { get; set; }
}

internal sealed class ReportInputValidator : AbstractValidator<ReportInput>
{
    public ReportInputValidator(IStringLocalizer<ValidationResource> v)
    {
        RuleFor(x => x.Kind).IsInEnum().WithMessage(v["Binding.Unknown"]);
        RuleFor(x => x.Reason).NotEmpty().WithMessage(v["Report.Reason.Required"])
            .MaximumLength(ContentReport.ReasonMaxLength).WithMessage(v["Report.Reason.TooLong", ContentReport.ReasonMaxLength]);
    }
}

public sealed record ReportRow(long Id, ContentKind Kind, long ContentId, string Reason, DateTimeOffset CreatedAt, ReportedContent? Content);

public sealed record ModerationModel(IReadOnlyList<ReportRow> Open, IReadOnlyList<ReportedContent> Hidden);

/// <summary>
/// CEMR's moderation: the queue of reports, and hiding or restoring requests, messages and profile
/// texts with a reason (admins); reporting content (anyone signed in).
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ModerationController(
    TwinningDbContext db,
    ModerationService moderation,
    IStringLocalizer<SharedResource> t,
    IStringLocalizer<ValidationResource> v) : Controller
{
    [HttpGet]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var reports = await db.Reports.AsNoTracking().Where(r => r.Status == ReportStatus.Open).OrderBy(r => r.Id).Take(200).ToListAsync(cancellationToken);
        var rows = new List<ReportRow>();
        foreach (var report in reports)
            rows.Add(new ReportRow(report.Id, report.Kind, report.ContentId, report.Reason, report.CreatedAt, await moderation.FindAsync(report.Kind, report.ContentId, cancellationToken)));

        var hidden = new List<ReportedContent>();
        var requests = await db.Requests.Where(r => r.HiddenReason != null).Select(r => (long)r.Id).ToListAsync(cancellationToken);
        var messages = await db.Messages.Where(m => m.HiddenReason != null).Select(m => m.Id).ToListAsync(cancellationToken);
        var profiles = await db.Organisations.Where(o => o.TextHiddenReason != null).Select(o => (long)o.Id).ToListAsync(cancellationToken);
        foreach (var (kind, ids) in new[] { (ContentKind.Request, requests), (ContentKind.Message, messages), (ContentKind.Profile, profiles) })
        {
            foreach (var id in ids)
            {
                if (await moderation.FindAsync(kind, id, cancellationToken) is { } content)
                    hidden.Add(content);
            }
        }
        return View(new ModerationModel(rows, hidden));
    }

    [HttpPost]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Hide(ModerationInput input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Reason))
        {
            TempData[StatusMessage.ErrorKey] = v["Moderation.Reason.Required"].Value;
            return Back(input.Kind, input.ContentId);
        }
        var reason = input.Reason.Length > ContentReport.ReasonMaxLength ? input.Reason[..ContentReport.ReasonMaxLength] : input.Reason;
        if (!await moderation.HideAsync(User, input.Kind, input.ContentId, reason, cancellationToken))
            return NotFound();
        TempData[StatusMessage.Key] = t["Moderation.HiddenMessage"].Value;
        return Back(input.Kind, input.ContentId);
    }

    [HttpPost]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Restore(ModerationInput input, CancellationToken cancellationToken)
    {
        if (!await moderation.RestoreAsync(User, input.Kind, input.ContentId, cancellationToken))
            return NotFound();
        TempData[StatusMessage.Key] = t["Moderation.RestoredMessage"].Value;
        return Back(input.Kind, input.ContentId);
    }

    [HttpPost]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Dismiss(long id, CancellationToken cancellationToken)
    {
        if (!await moderation.DismissAsync(User, id, cancellationToken))
            return NotFound();
        TempData[StatusMessage.Key] = t["Moderation.DismissedMessage"].Value;
        return RedirectToAction(nameof(Index));
    }

    /// <summary>Anyone signed in reports a request or a profile text; it goes to the moderation queue.</summary>
    [HttpPost]
    [EnableRateLimiting(RateLimits.Messaging)]
    public async Task<IActionResult> Report(ReportInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            TempData[StatusMessage.ErrorKey] = StatusMessage.Errors(ModelState);
            return Back(input.Kind, input.ContentId, forModerator: false);
        }
        if (input.Kind == ContentKind.Message || !await moderation.ReportAsync(User, input.Kind, input.ContentId, input.Reason!, cancellationToken))
            return NotFound();
        TempData[StatusMessage.Key] = t["Moderation.Reported"].Value;
        return Back(input.Kind, input.ContentId, forModerator: false);
    }

    /// <summary>Back to where the decision was taken: the content's own page, or the queue.</summary>
    private RedirectToActionResult Back(ContentKind kind, long contentId, bool forModerator = true) => kind switch
    {
        ContentKind.Request => RedirectToAction("Details", "Requests", new { id = contentId }),
        ContentKind.Profile => RedirectToAction("Profile", "Directory", new { id = contentId }),
        _ when forModerator => RedirectToAction(nameof(Index)),
        _ => RedirectToAction("Index", "Conversations"),
    };
}
