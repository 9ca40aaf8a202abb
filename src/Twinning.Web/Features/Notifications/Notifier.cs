using Microsoft.EntityFrameworkCore;
using Twinning.Domain.Notifications;
using Twinning.Infrastructure.Data;

namespace Twinning.Web.Features.Notifications;

/// <summary>
/// Tells people about something: one notification per person, shown in their notification centre and
/// mailed according to their choice for its kind (by the notification mailer). The notifications
/// are added to the caller's unit of work, so they are saved with the change they report, or not at all.
/// </summary>
public sealed class Notifier(TwinningDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Adds one notification per person. The text is a key of EmailResource with its values (shown in
    /// the centre and mailed); the link is a path inside the platform without the language segment,
    /// e.g. <c>requests/details/12</c>.
    /// </summary>
    public async Task AddAsync(IEnumerable<string> userIds, NotificationKind kind, string textKey, IReadOnlyList<string> arguments, string link,
        CancellationToken cancellationToken = default)
    {
        var recipients = userIds.Distinct(StringComparer.Ordinal).ToList();
        if (recipients.Count == 0)
            return;
        var chosen = await db.NotificationPreferences.AsNoTracking()
            .Where(p => recipients.Contains(p.UserId) && p.Kind == kind)
            .ToDictionaryAsync(p => p.UserId, p => p.Delivery, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var userId in recipients)
            db.Notifications.Add(new Notification(userId, kind, textKey, arguments, link, chosen.GetValueOrDefault(userId, DeliverySchedule.Default(kind)), now));
    }

    /// <summary>Everyone who acts for the organisation.</summary>
    public Task<List<string>> OfficersOfAsync(int organisationId, CancellationToken cancellationToken = default) =>
        db.Officers.Where(o => o.OrganisationId == organisationId).Select(o => o.UserId).ToListAsync(cancellationToken);
}
