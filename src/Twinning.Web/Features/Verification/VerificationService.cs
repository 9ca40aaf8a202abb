using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Twinning.Domain.Directory;
using Twinning.Domain.Verification;
using Twinning.Infrastructure.Data;
using Twinning.Infrastructure.Email;
using Twinning.Web.Email;
using Twinning.Web.Features.Directory;

namespace Twinning.Web.Features.Verification;

public enum DecisionOutcome
{
    Done,
    NotFound,
    NotAllowed,
    AlreadyDecided,
}

/// <summary>Decides claims: in one transaction the claim, the officer, the organisation and the audit entry change together.</summary>
public sealed class VerificationService(
    TwinningDbContext db,
    Remit remit,
    TimeProvider clock,
    EmailComposer composer,
    IEmailSender sender,
    DirectoryIndexLoader directory,
    ILogger<VerificationService> logger)
{
    public async Task<DecisionOutcome> DecideAsync(ClaimsPrincipal actor, int claimId, bool approve, string? reason, Func<int, string> profileLink,
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
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });

        logger.LogInformation("Claim {ClaimId} {Decision} by {ActorId}", claim.Id, claim.Status, actorId);
        await directory.ReloadAsync(cancellationToken);
        await NotifyAsync(claim, profileLink(claim.OrganisationId ?? 0), cancellationToken);
        return DecisionOutcome.Done;
    }

    private async Task NotifyAsync(OrganisationClaim claim, string link, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == claim.UserId, cancellationToken);
        if (user?.Email is null)
            return;
        var name = claim.NewOrganisationName ?? await db.Organisations.Where(o => o.Id == claim.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var message = claim.Status == ClaimStatus.Approved
            ? composer.Compose(user.Email, user.PreferredCulture, "ClaimApproved.Subject", user.DisplayName,
                [new EmailParagraph("ClaimApproved.Body", name)], "ClaimApproved.Action", link)
            : composer.Compose(user.Email, user.PreferredCulture, "ClaimRejected.Subject", user.DisplayName,
                [new EmailParagraph("ClaimRejected.Body", name), new EmailParagraph("ClaimRejected.Reason", claim.Reason ?? string.Empty)],
                "ClaimRejected.Action", link);
        await sender.SendAsync(message, cancellationToken);
    }
}
