using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Twinning.Domain.Verification;
using Twinning.Infrastructure.Data;
using Twinning.Web.Resources;
using Twinning.Web.Security;

namespace Twinning.Web.Features.Verification;

/// <summary>
/// Validators of national associations (and CEMR admins) check that claimants really act for their
/// organisation: a queue of their countries' pending claims, decisions with reasons, and the audit log.
/// </summary>
[Authorize(Policy = Policies.Validator)]
public sealed class VerificationController(
    TwinningDbContext db,
    Remit remit,
    VerificationService verification,
    IStringLocalizer<SharedResource> t,
    IStringLocalizer<ValidationResource> v) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var isAdmin = Remit.IsAdmin(User);
        var countries = await remit.ValidatorCountriesAsync(User, cancellationToken);
        var me = Remit.UserId(User);
        var query = db.Claims.AsNoTracking().Where(c => c.Status == ClaimStatus.Pending && c.UserId != me);
        if (!isAdmin)
            query = query.Where(c => countries.Contains(c.CountryCode));

        var claims = await (from c in query
                            join u in db.Users on c.UserId equals u.Id
                            join o in db.Organisations on c.OrganisationId equals o.Id into named
                            from o in named.DefaultIfEmpty()
                            orderby c.Id
                            select new PendingClaim(c.Id, u.DisplayName, u.Email!, o != null ? o.Name : c.NewOrganisationName!, c.OrganisationId,
                                c.NewOrganisationKind, c.CountryCode, c.Function, c.OfficialEmail, c.Evidence, c.CreatedAt))
            .ToListAsync(cancellationToken);
        return View(new QueueModel(claims, countries.Order(StringComparer.Ordinal).ToList(), isAdmin));
    }

    [HttpPost]
    public Task<IActionResult> Approve(DecisionInput input, CancellationToken cancellationToken) => Decide(input, approve: true, cancellationToken);

    [HttpPost]
    public Task<IActionResult> Reject(DecisionInput input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Reason))
            ModelState.AddModelError(nameof(input.Reason), v["Decision.Reason.Required"]);
        return Decide(input, approve: false, cancellationToken);
    }

    [HttpGet]
    public async Task<IActionResult> Audit(CancellationToken cancellationToken)
    {
        var isAdmin = Remit.IsAdmin(User);
        var countries = await remit.ValidatorCountriesAsync(User, cancellationToken);
        var entries = db.AuditLog.AsNoTracking();
        if (!isAdmin)
            entries = entries.Where(a => a.CountryCode != null && countries.Contains(a.CountryCode));
        var rows = await (from a in entries
                          join u in db.Users on a.ActorUserId equals u.Id into actors
                          from u in actors.DefaultIfEmpty()
                          join o in db.Organisations on a.OrganisationId equals o.Id into named
                          from o in named.DefaultIfEmpty()
                          orderby a.Id descending
                          select new AuditRow(a.At, u != null ? u.Email! : a.ActorUserId, a.Action, a.CountryCode, o != null ? o.Name : null, a.Details))
            .Take(200)
            .ToListAsync(cancellationToken);
        return View(rows);
    }

    private async Task<IActionResult> Decide(DecisionInput input, bool approve, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            TempData[StatusMessage.ErrorKey] = StatusMessage.Errors(ModelState);
            return RedirectToAction(nameof(Index));
        }

        var outcome = await verification.DecideAsync(User, input.Id, approve, input.Reason, cancellationToken);
        switch (outcome)
        {
            case DecisionOutcome.NotFound:
                return NotFound();
            case DecisionOutcome.NotAllowed:
                return Forbid();
            case DecisionOutcome.AlreadyDecided:
                TempData[StatusMessage.ErrorKey] = t["Verification.AlreadyDecided"].Value;
                break;
            default:
                TempData[StatusMessage.Key] = t[approve ? "Verification.Approved" : "Verification.Rejected"].Value;
                break;
        }

        return RedirectToAction(nameof(Index));
    }
}
