using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Twinning.Domain.Directory;
using Twinning.Domain.Notifications;
using Twinning.Domain.Verification;
using Twinning.Infrastructure.Data;
using Twinning.Web.Features.Directory;
using Twinning.Web.Features.Notifications;

namespace Twinning.Web.Features.Verification;

public enum DecisionOutcome
{
    Done,
    NotFound,
    NotAllowed,
    AlreadyDecided,
}

/// <summary>
/// Decides claims: in one transaction the claim, the officer, the organisation, the audit entry and the
/// claimant's notification (mailed by the notification mailer in their language) change together.
/// </summary>
public sealed class VerificationService(
    TwinningDbContext db,
    Remit remit,
    TimeProvider clock,
    Notifier notifier,
    DirectoryIndexLoader directory,
    ILogger<VerificationService> logger)
{
    public async Task<DecisionOutcome> DecideAsync(ClaimsPrincipal actor, int claimId, bool approve, string? reason,
        CancellationToken cancellationToken = default)
    {
        var claim = await db.Claims.SingleOrDefaultAsync(c => c.Id == claimId, cancellationToken);
        if (claim is null)
            return DecisionOutcome.NotFound;
        var actorId = Remit.UserId(actor);
        if (claim.UserId == actorId || !VerificationRules.MayDecide(claim.CountryCode, Remit.IsAdmin(actor), await remit.ValidatorCountriesAsync(actor, cancellationToken)))
            return DecisionOutcome.NotAllowed;
        if (claim.Status != ClaimStatus.Pending)
            return DecisionOutcome.AlreadyDecided;

        var now = clock.GetUtcNow();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (approve)
            {
                claim.Approve(actorId, now, reason);
                var organisation = claim.OrganisationId is { } existing
                    ? await db.Organisations.SingleAsync(o => o.Id == existing, cancellationToken)
                    : db.Organisations.Add(new Organisation(claim.NewOrganisationKind!.Value, claim.NewOrganisationName!, claim.CountryCode, now)).Entity;
                organisation.MarkVerified(now);
                await db.SaveChangesAsync(cancellationToken);
                if (claim.OrganisationId is null)
                    claim.Created(organisation.Id);
                if (!await db.Officers.AnyAsync(o => o.OrganisationId == organisation.Id && o.UserId == claim.UserId, cancellationToken))
                    db.Officers.Add(new OrganisationOfficer(organisation.Id, claim.UserId, claim.Function, now));
            }
            else
            {
                claim.Reject(actorId, reason ?? string.Empty, now);
            }

            db.AuditLog.Add(new AuditEntry(now, actorId, approve ? "claim.approved" : "claim.rejected", claim.CountryCode, claim.OrganisationId,
                $"claim {claim.Id} by {claim.UserId}: {claim.Reason}"));
            await NotifyAsync(claim, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });

        logger.LogInformation("Claim {ClaimId} {Decision} by {ActorId}", claim.Id, claim.Status, actorId);
        await directory.ReloadAsync(cancellationToken);
        return DecisionOutcome.Done;
    }

    /// <summary>Tells the claimant the decision: approved leads to the organisation's profile, rejected to their claims page.</summary>
    private async Task NotifyAsync(OrganisationClaim claim, CancellationToken cancellationToken)
    {
        var name = claim.NewOrganisationName ?? await db.Organisations.Where(o => o.Id == claim.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        if (claim.Status == ClaimStatus.Approved)
            await notifier.AddAsync([claim.UserId], NotificationKind.ClaimDecision, "Notify.ClaimApproved", [name], $"directory/profile/{claim.OrganisationId}", cancellationToken);
        else
            await notifier.AddAsync([claim.UserId], NotificationKind.ClaimDecision, "Notify.ClaimRejected", [name, claim.Reason ?? string.Empty], "claims", cancellationToken);
    }
}
