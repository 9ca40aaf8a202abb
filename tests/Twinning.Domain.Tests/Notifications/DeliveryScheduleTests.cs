using Twinning.Domain.Notifications;

namespace Twinning.Domain.Tests.Notifications;

public sealed class DeliveryScheduleTests
{
    [Fact]
    public void Immediate_emails_are_due_at_once_and_off_never()
    {
        var now = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
        Assert.Equal(now, DeliverySchedule.DueAt(Delivery.Immediately, now));
        Assert.Null(DeliverySchedule.DueAt(Delivery.Off, now));
    }

    [Theory]
    [InlineData("2026-11-27T06:59:00Z", "2026-11-27T07:00:00Z")]
    [InlineData("2026-11-27T07:00:00Z", "2026-11-28T07:00:00Z")]
    [InlineData("2026-11-27T23:30:00+02:00", "2026-11-28T07:00:00Z")]
    public void Daily_digests_go_at_the_next_seven_oclock_utc(string now, string due) =>
        Assert.Equal(DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            DeliverySchedule.DueAt(Delivery.Daily, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-11-27T10:00:00Z", "2026-11-30T07:00:00Z")] // Friday → Monday
    [InlineData("2026-11-30T06:00:00Z", "2026-11-30T07:00:00Z")] // Monday early → same morning
    [InlineData("2026-11-30T08:00:00Z", "2026-12-07T07:00:00Z")] // Monday after → next Monday
    public void Weekly_digests_go_on_monday_at_seven_oclock_utc(string now, string due) =>
        Assert.Equal(DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            DeliverySchedule.DueAt(Delivery.Weekly, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
}
