using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Twinning.Domain.Directory;
using Twinning.Domain.Notifications;
using Twinning.Domain.Requests;
using Twinning.Domain.Verification;
using Twinning.Infrastructure.Data;
using Twinning.Web.Features.Directory;
using Twinning.Web.Features.Notifications;
using Twinning.Web.Features.Verification;

namespace Twinning.Web.Features.Requests;

public enum WorkflowOutcome
{
    Done,
    NotFound,
    NotAllowed,
    WrongState,
}

/// <summary>
/// The request lifecycle beyond editing: validators' decisions, owners closing, and expiry at the
/// deadline. Each change, its audit entry and its notifications are saved together.
/// </summary>
public sealed class RequestWorkflow(
    TwinningDbContext db,
    Remit remit,
    Notifier notifier,
    RequestCatalog catalog,
    SavedSearchAlerts alerts,
    TimeProvider clock,
    ILogger<RequestWorkflow> logger)
{
    /// <summary>
    /// A validator of the association covering the requesting organisation's country (an admin
    /// anywhere) may decide; never an officer of the requesting organisation itself.
    /// </summary>
    public async Task<bool> MayDecideAsync(ClaimsPrincipal user, PartnerRequest request, CancellationToken cancellationToken) =>
        user.Identity?.IsAuthenticated == true
        && VerificationRules.MayDecide(request.CountryCode, Remit.IsAdmin(user), await remit.ValidatorCountriesAsync(user, cancellationToken))
        && !await remit.IsOfficerAsync(user, request.OrganisationId, cancellationToken);

    public async Task<WorkflowOutcome> DecideAsync(ClaimsPrincipal actor, int requestId, bool approve, string? reason, CancellationToken cancellationToken)
    {
        var request = await db.Requests.Include(r => r.Texts).SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
            return WorkflowOutcome.NotFound;
        if (!await MayDecideAsync(actor, request, cancellationToken))
            return WorkflowOutcome.NotAllowed;
        if (request.Status != RequestStatus.Submitted)
            return WorkflowOutcome.WrongState;

        var actorId = Remit.UserId(actor);
        var now = clock.GetUtcNow();
        if (approve)
            request.Validate(actorId, now);
        else
            request.Reject(actorId, reason ?? string.Empty, now);

        var title = request.TextFor("en").Title;
        db.AuditLog.Add(new AuditEntry(now, actorId, approve ? "request.validated" : "request.rejected", request.CountryCode, request.OrganisationId,
            $"request {request.Id}: {request.RejectionReason}"));
        var officers = await notifier.OfficersOfAsync(request.OrganisationId, cancellationToken);
        if (approve)
            await notifier.AddAsync(officers, NotificationKind.RequestDecision, "Notify.RequestValidated", [title], Link(request.Id), cancellationToken);
        else
            await notifier.AddAsync(officers, NotificationKind.RequestDecision, "Notify.RequestRejected", [title, request.RejectionReason!], Link(request.Id), cancellationToken);

        // The decision and its notifications are saved together; a concurrent edit or decision wins and this one is refused.
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WorkflowOutcome.WrongState;
        }

        logger.LogInformation("Request {RequestId} {Status} by {ActorId}", request.Id, request.Status, actorId);
        // Alerts follow the publication; a failure here must not undo it (they are only notifications).
        if (approve && catalog.Listing(request) is { } listing)
        {
            try
            {
                await alerts.OnPublishedAsync(listing, cancellationToken);
            }
            catch (DbUpdateException e)
            {
                logger.LogError(e, "Saved-search alerts for request {RequestId} failed", request.Id);
            }
        }
        return WorkflowOutcome.Done;
    }

    /// <summary>Published requests whose deadline has passed become expired; their officers are told.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var due = await db.Requests.Include(r => r.Texts)
            .Where(r => r.Status == RequestStatus.Published && r.Deadline != null && r.Deadline < today)
            .ToListAsync(cancellationToken);
        var expired = 0;
        foreach (var request in due)
        {
            request.Expire(now);
            db.AuditLog.Add(new AuditEntry(now, "system", "request.expired", request.CountryCode, request.OrganisationId, $"request {request.Id}"));
            await notifier.AddAsync(await notifier.OfficersOfAsync(request.OrganisationId, cancellationToken), NotificationKind.RequestDecision,
                "Notify.RequestExpired", [request.TextFor("en").Title], Link(request.Id), cancellationToken);
            try
            {
                // One request at a time: another instance expiring the same request first makes this save fail, harmlessly.
                await db.SaveChangesAsync(cancellationToken);
                expired++;
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
            }
        }
        return expired;
    }

    public static string Link(int requestId) => $"requests/details/{requestId}";
}

/// <summary>Published requests as search and alerts see them, with their organisations from the directory index.</summary>
public sealed class RequestCatalog(TwinningDbContext db, DirectoryIndex index, RequestIndex published)
{
    /// <summary>The published, not hidden requests, from the in-memory <see cref="RequestIndex"/>.</summary>
    public Task<IReadOnlyList<RequestListing>> PublishedAsync(CancellationToken cancellationToken) =>
        published.PublishedAsync(LoadPublishedAsync, cancellationToken);

    private async Task<List<RequestListing>> LoadPublishedAsync(CancellationToken cancellationToken)
    {
        var requests = await db.Requests.AsNoTracking().Include(r => r.Texts)
            .Where(r => r.Status == RequestStatus.Published && r.HiddenReason == null)
            .ToListAsync(cancellationToken);
        return requests.Select(Listing).OfType<RequestListing>().ToList();
    }

    /// <summary>The listing of a request; null when its organisation is not in the directory index.</summary>
    public RequestListing? Listing(PartnerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return index.Current.Find(request.OrganisationId) is { } organisation ? Listing(request, organisation) : null;
    }

    public static RequestListing Listing(PartnerRequest request, DirectoryEntry organisation) => new(
        request.Id, organisation.Id, organisation.Name, organisation.CountryCode, organisation.Band, request.Purpose,
        request.Texts.ToList(), request.WantedCountries, request.WantedBands, request.Themes, request.WorkingLanguages,
        request.Deadline, request.PublishedAt ?? request.UpdatedAt);
}

/// <summary>Expires published requests after their deadline, hourly. Safe with several instances (see ExpireDueAsync).</summary>
public sealed class RequestExpiryJob(IServiceScopeFactory scopes, ILogger<RequestExpiryJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var expired = await scope.ServiceProvider.GetRequiredService<RequestWorkflow>().ExpireDueAsync(stoppingToken);
                if (expired > 0)
                    logger.LogInformation("Expired {Count} requests past their deadline", expired);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Expiring requests failed; trying again in an hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
