using IndicatorWarehouse.Domain.Periods;

namespace IndicatorWarehouse.Tests.Domain.Periods;

public sealed class PeriodTests
{
    [Theory]
    [InlineData("2026-10", "2026-10-01", "2026-10-31")]
    [InlineData("2026-Q3", "2026-07-01", "2026-09-30")]
    [InlineData("2026-H1", "2026-01-01", "2026-06-30")]
    [InlineData("2026", "2026-01-01", "2026-12-31")]
    [InlineData("R2026-10", "2026-09-15", "2026-10-14")]
    [InlineData("R2023-Q1", "2022-12-15", "2023-03-14")]   // Kon Tum's Q1/2023 report: 15/12/2022–14/3/2023
    [InlineData("R2026-H2", "2026-06-15", "2026-12-14")]
    [InlineData("R2026", "2025-12-15", "2026-12-14")]
    public void Parse_EveryGrain_HasTheRightSpan(string code, string start, string end)
    {
        var period = Period.Parse(code);

        Assert.Equal((DateOnly.Parse(start), DateOnly.Parse(end)), (period.Start, period.End));
        Assert.Equal(code, period.Code);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-Q5")]
    [InlineData("2026-H3")]
    [InlineData("26-10")]
    [InlineData("")]
    public void Parse_NotAPeriod_ThrowsNamingTheFormats(string code) =>
        Assert.Contains("2026-Q3", Assert.Throws<FormatException>(() => Period.Parse(code)).Message);

    [Theory]
    [InlineData("2026-10-14", Grain.ReportMonth, "R2026-10")]
    [InlineData("2026-10-15", Grain.ReportMonth, "R2026-11")]
    [InlineData("2026-12-15", Grain.ReportYear, "R2027")]
    [InlineData("2026-12-31", Grain.Quarter, "2026-Q4")]
    public void Containing_Date_IsThePeriodWhoseSpanHoldsIt(string date, Grain grain, string expected)
    {
        var period = Period.Containing(grain, DateOnly.Parse(date));

        Assert.Equal(expected, period.Code);
        Assert.True(period.Contains(DateOnly.Parse(date)));
    }

    [Fact]
    public void Seq_ConsecutivePeriods_AreConsecutiveAcrossYears()
    {
        var december = Period.Parse("2025-12");

        Assert.Equal("2026-01", december.Next().Code);
        Assert.Equal(december.Seq + 1, december.Next().Seq);
        Assert.Equal("2024-12", december.YearEarlier().Code);
        Assert.Equal(Period.Parse("2026-Q1").Seq, Period.Parse("2026-02").Seq / 3);
    }
}
