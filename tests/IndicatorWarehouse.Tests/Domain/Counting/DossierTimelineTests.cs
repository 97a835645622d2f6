using IndicatorWarehouse.Domain.Counting;

namespace IndicatorWarehouse.Tests.Domain.Counting;

public sealed class DossierTimelineTests
{
    private static DateTime D(string s) => DateTime.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Of_FractionalSupplementWait_MovesTheDeadlineDayPastMidnight()
    {
        // Due 10/10 at 17:00 plus 0.5 day of waiting ends 11/10 at 05:00: the deadline day is 11/10.
        var t = DossierTimeline.Of(D("2026-10-01T08:00"), D("2026-10-10T17:00"), D("2026-10-11T09:00"), null, 10, 1, 0.5m);

        Assert.Equal(20261011, t.DeadlineDateKey);
        Assert.Equal(Outcome.OnTime, t.Outcome);
        Assert.Equal(20261012, t.OverdueFromKey);
    }

    [Fact]
    public void Of_ReturnedWithoutFinishDate_EndsOnTheReturnDay()
    {
        var t = DossierTimeline.Of(D("2026-10-01T08:00"), D("2026-10-05T17:00"), null, D("2026-10-06T09:00"), 10, 0, 0);

        Assert.Equal((20261006, Outcome.Late), (t.EndDateKey!.Value, t.Outcome!.Value));
    }

    [Fact]
    public void Of_WithdrawnEvenWithManySupplements_IsOnTimeAndNeverOverdue()
    {
        var t = DossierTimeline.Of(D("2026-10-01T08:00"), D("2026-10-05T17:00"), D("2026-10-20T09:00"), null, 7, 3, 0);

        Assert.Equal(Outcome.OnTime, t.Outcome);
        Assert.Null(t.OverdueFromKey);
        Assert.True(t.IsWithdrawn);
    }

    [Fact]
    public void Of_MoreThanOneSupplement_IsOverdueFromTheDayItWasReceived()
    {
        var t = DossierTimeline.Of(D("2026-10-01T08:00"), D("2026-12-05T17:00"), null, null, 5, 2, 0);

        Assert.Null(t.Outcome);
        Assert.Equal(20261001, t.OverdueFromKey);
    }
}
