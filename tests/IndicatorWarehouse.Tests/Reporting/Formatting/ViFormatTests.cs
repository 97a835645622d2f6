using IndicatorWarehouse.Reporting.Formatting;

namespace IndicatorWarehouse.Tests.Reporting.Formatting;

public sealed class ViFormatTests
{
    [Theory]
    [InlineData(1234.5, 1, "1.234,5")]
    [InlineData(97.5, 1, "97,5")]
    [InlineData(0.0, 2, "0,00")]
    [InlineData(-3.25, 1, "-3,3")]
    [InlineData(97.25, 1, "97,3")]
    [InlineData(2.5, 0, "3")]
    public void Number_Value_UsesDecimalCommaAndDotGroups(double value, int decimals, string expected) =>
        Assert.Equal(expected, ViFormat.Number(value, decimals));

    [Fact]
    public void Formats_Null_AreADashNeverZero()
    {
        Assert.Equal("—", ViFormat.Number(null));
        Assert.Equal("—", ViFormat.Percent(null));
        Assert.Equal("—", ViFormat.Count(null));
        Assert.Equal("—", ViFormat.Date(null));
        Assert.Equal("—", NumberStyle.Points.Format(null));
        Assert.Equal("không có dữ liệu", NumberStyle.Percent.Describe(null));
    }

    [Fact]
    public void Percent_Value_HasCommaAndSpacedSign() => Assert.Equal("97,5 %", ViFormat.Percent(97.5));

    [Fact]
    public void Count_Value_GroupsThousandsWithDots() => Assert.Equal("1.234.567", ViFormat.Count(1_234_567));

    [Theory]
    [InlineData(1.24, "+1,2")]
    [InlineData(-0.5, "-0,5")]
    [InlineData(0.04, "0,0")]
    [InlineData(-0.04, "0,0")]
    public void Signed_Difference_ShowsItsSignExceptForZero(double value, string expected) =>
        Assert.Equal(expected, ViFormat.Signed(value));

    [Fact]
    public void Dates_AreDayMonthYearAndAxisMonthsMonthYear()
    {
        Assert.Equal("05/03/2026", ViFormat.Date(new DateOnly(2026, 3, 5)));
        Assert.Equal("03/2026", ViFormat.Month(new DateOnly(2026, 3, 5)));
        Assert.Equal("05/03/2026 14:07", ViFormat.Timestamp(new DateTime(2026, 3, 5, 14, 7, 0)));
    }

    [Theory]
    [InlineData(100.0, "100")]
    [InlineData(97.5, "97,5")]
    [InlineData(2.25, "2,25")]
    [InlineData(1000.0, "1.000")]
    public void Compact_Tick_DropsTrailingZeros(double value, string expected) => Assert.Equal(expected, ViFormat.Compact(value));
}
