using Microsoft.EntityFrameworkCore;
using Twinning.Domain.Notifications;
using Twinning.Infrastructure.Data;

namespace Twinning.Web.Features.Notifications;

/// <summary>
/// A person's delivery choice per kind. Changing it applies to e-mails not yet sent as well: turned off,
/// they are cancelled; moved between immediate, daily and weekly, they are due by the new choice.
/// </summary>
public sealed class NotificationSettings(TwinningDbContext db, TimeProvider clock)
{
    public static readonly IReadOnlyList<NotificationKind> Kinds = Enum.GetValues<NotificationKind>();

    public static readonly IReadOnlyList<Delivery> Deliveries = Enum.GetValues<Delivery>();

    /// <summary>Every kind with the person's choice, or the default where they have not chosen.</summary>
    public async Task<IReadOnlyDictionary<NotificationKind, Delivery>> CurrentAsync(string userId, CancellationToken cancellationToken = default)
    {
        var chosen = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId)
            .ToDictionaryAsync(p => p.Kind, p => p.Delivery, cancellationToken);
        return Kinds.ToDictionary(k => k, k => chosen.GetValueOrDefault(k, DeliverySchedule.Default(k)));
    }

    /// <summary>Stores the choices and reschedules or cancels the pending e-mails of the kinds that changed, in one transaction.</summary>
    public async Task ChooseAsync(string userId, IReadOnlyDictionary<NotificationKind, Delivery> choices, CancellationToken cancellationToken = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var stored = await db.NotificationPreferences.Where(p => p.UserId == userId).ToListAsync(cancellationToken);
            var changed = new Dictionary<NotificationKind, Delivery>();
            foreach (var (kind, delivery) in choices)
            {
                var preference = stored.FirstOrDefault(p => p.Kind == kind);
                var current = preference?.Delivery ?? DeliverySchedule.Default(kind);
                if (preference is null)
                    db.NotificationPreferences.Add(new NotificationPreference(userId, kind, delivery));
                else
                    preference.Choose(delivery);
                if (current != delivery)
                    changed[kind] = delivery;
            }

            if (changed.Count > 0)
            {
                var kinds = changed.Keys.ToList();
                var pending = await db.Notifications
                    .Where(n => n.UserId == userId && n.EmailedAt == null && n.EmailDueAt != null && kinds.Contains(n.Kind))
                    .ToListAsync(cancellationToken);
                foreach (var notification in pending)
                {
                    var delivery = changed[notification.Kind];
                    if (delivery == Delivery.Off)
                        notification.CancelEmail();
                    else if (notification.Delivery != delivery)
                        notification.Reschedule(delivery, now);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }
}
