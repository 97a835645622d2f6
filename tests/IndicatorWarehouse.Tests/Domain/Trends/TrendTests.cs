using IndicatorWarehouse.Domain.Trends;

namespace IndicatorWarehouse.Tests.Domain.Trends;

public sealed class TrendTests
{
    private static Dictionary<int, double> Series(params (int Month, double Value)[] points) => points.ToDictionary(p => p.Month, p => p.Value);

    [Fact]
    public void Changes_MissingMonth_IsNullNotZero()
    {
        var s = Series((100, 90), (101, 92), (113, 95));

        Assert.Equal(2, Trend.MonthOnMonth(s, 101));
        Assert.Null(Trend.MonthOnMonth(s, 113));
        Assert.Equal(3, Trend.YearOnYear(s, 113));
        Assert.Null(Trend.YearOnYear(s, 112));
    }

    [Fact]
    public void Rolling_AveragesOnlyMonthsWithAValue()
    {
        var s = Series((10, 80), (12, 90));

        Assert.Equal(85, Trend.Rolling(s, 12, 3));
        Assert.Null(Trend.Rolling(s, 20, 3));
    }

    [Fact]
    public void SlopeAndProjection_OfAStraightLine_AreExact()
    {
        var s = Series((1, 90), (2, 91), (3, 92), (4, 93));

        Assert.Equal(1, Trend.SlopePerMonth(s)!.Value, 9);
        Assert.Equal(96, Trend.Project(s, lastMonthSeq: 4, targetMonthSeq: 7)!.Value, 9);
        Assert.Null(Trend.SlopePerMonth(Series((1, 90), (2, 91))));
    }
}
