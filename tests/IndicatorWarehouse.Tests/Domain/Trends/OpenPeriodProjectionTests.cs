using IndicatorWarehouse.Domain.Periods;
using IndicatorWarehouse.Domain.Targets;
using IndicatorWarehouse.Domain.Trends;

namespace IndicatorWarehouse.Tests.Domain.Trends;

public sealed class OpenPeriodProjectionTests
{
    private static readonly Period Year2026 = Period.Parse("2026");
    private static readonly DateOnly AsOf = new(2026, 11, 20);

    /// <summary>January–October 2026 (complete months) with the given values, month sequence → value.</summary>
    private static Dictionary<int, double> JanuaryToOctober(Func<int, double> valueOfMonth) =>
        Enumerable.Range(1, 10).ToDictionary(m => new Period(Grain.Month, 2026, m).Seq, valueOfMonth);

    [Fact]
    public void Project_AccumulatingCount_AddsThePaceOfItsMonthsForTheRestOfTheYear()
    {
        // 10 dossiers a month; 205 so far on 20/11: a third of November and all of December are still to come.
        var projected = OpenPeriodProjection.Project(Year2026, AsOf, 205, JanuaryToOctober(_ => 10), accumulates: true, maximum: null);

        Assert.Equal(205 + 10 * (10.0 / 30) + 10, projected!.Value, 9);
    }

    [Fact]
    public void Project_Rate_WeighsTheRateSoFarWithTheLineAndStaysWithinZeroToTheMaximum()
    {
        // A rate climbing 5 points a month from 60 % in January: the line passes 100 % before December.
        var projected = OpenPeriodProjection.Project(Year2026, AsOf, 90, JanuaryToOctober(m => 55 + 5 * m), accumulates: false, maximum: 100);

        Assert.InRange(projected!.Value, 90, 100);
        Assert.Equal((90 * (12 - 10.0 / 30 - 1) + 100 * (10.0 / 30 + 1)) / 12, projected.Value, 9);
    }

    [Fact]
    public void Project_FallingStock_IsNeverBelowZero()
    {
        var projected = OpenPeriodProjection.Project(Year2026, AsOf, 5, JanuaryToOctober(m => 100 - 12 * m), accumulates: false, maximum: null);

        Assert.Equal(0, projected);
    }

    [Theory]
    [InlineData("2026-11")]   // no complete month of November yet
    [InlineData("2026-Q4")]   // October alone
    [InlineData("R2026-12")]  // the reporting month 15/11–14/12
    public void Project_FewerThanThreeCompleteMonthsInThePeriod_GivesNoProjection(string period)
    {
        var monthly = JanuaryToOctober(_ => 10);
        monthly[new Period(Grain.Month, 2026, 11).Seq] = 4;

        Assert.Null(OpenPeriodProjection.Project(Period.Parse(period), AsOf, 4, monthly, accumulates: true, maximum: null));
    }

    [Fact]
    public void Assess_AccumulatingCountAboveAZeroTargetInAnOpenPeriod_IsNotMetNotAtRisk()
    {
        var zeroLate = new Target(1, "TNI.SYT", "processed_late", TargetPeriod.Parse("2025-"), "=", 0, "KH", "II");

        Assert.Equal(TargetState.NotMet, TargetAssessment.Assess(3, zeroLate, periodClosed: false, projectedAtEnd: 4, accumulates: true).State);
        // A stock can still fall back to 0 before the period ends.
        Assert.Equal(TargetState.AtRisk, TargetAssessment.Assess(3, zeroLate, periodClosed: false, projectedAtEnd: null, accumulates: false).State);
        Assert.Equal(TargetState.Met, TargetAssessment.Assess(0, zeroLate, periodClosed: false, projectedAtEnd: 0, accumulates: true).State);
    }
}
