using Twinning.Domain.Notifications;

namespace Twinning.Domain.Tests.Notifications;

public sealed class NotificationRescheduleTests
{
    // A Wednesday afternoon.
    private static readonly DateTimeOffset Created = new(2026, 12, 2, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_pending_email_moved_to_weekly_is_due_next_monday_at_seven_utc()
    {
        var n = new Notification("u", NotificationKind.NewAnswer, "k", [], "claims", Delivery.Immediately, Created);

        n.Reschedule(Delivery.Weekly, Created.AddMinutes(1));

        Assert.Equal(Delivery.Weekly, n.Delivery);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 7, 0, 0, TimeSpan.Zero), n.EmailDueAt);
    }

    [Fact]
    public void A_digest_item_moved_to_immediately_is_due_now()
    {
        var n = new Notification("u", NotificationKind.SavedSearch, "k", [], "claims", Delivery.Daily, Created);
        var now = Created.AddHours(2);

        n.Reschedule(Delivery.Immediately, now);

        Assert.Equal(now, n.EmailDueAt);
    }

    [Fact]
    public void An_email_already_sent_or_cancelled_is_not_rescheduled()
    {
        var sent = new Notification("u", NotificationKind.NewAnswer, "k", [], "claims", Delivery.Immediately, Created);
        sent.MarkEmailed(Created);
        var cancelled = new Notification("u", NotificationKind.NewAnswer, "k", [], "claims", Delivery.Immediately, Created);
        cancelled.CancelEmail();

        sent.Reschedule(Delivery.Daily, Created.AddHours(1));
        cancelled.Reschedule(Delivery.Daily, Created.AddHours(1));

        Assert.Equal(Delivery.Immediately, sent.Delivery);
        Assert.Equal(Created, sent.EmailDueAt);
        Assert.Null(cancelled.EmailDueAt);
    }
}
