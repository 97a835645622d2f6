using IndicatorWarehouse.Domain.Periods;
using IndicatorWarehouse.Domain.Targets;

namespace IndicatorWarehouse.Tests.Domain.Targets;

public sealed class TargetAssessmentTests
{
    private static readonly Target OnlineGroup =
        new(1, "TNI.SYT", "index766_online_service", TargetPeriod.Parse("2025-11-"), ">=", 22, "KH-SYT 11/2025", "II");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Assess_ScoreOnPartOfItsMaximum_IsPartialNeverMet_AndSaysHowMuchWasScored(bool closed)
    {
        // 6 points of the 6 that could be scored, of 22: not met, not missed, and not rescaled to 22.
        var assessment = TargetAssessment.Assess(6, OnlineGroup, closed, null, new PointsCoverage(6, 22));

        Assert.Equal((TargetState.Partial, -16.0), (assessment.State, assessment.Gap!.Value));
        Assert.Equal("chua_du_du_lieu", TargetAssessment.Code(assessment.State));
        Assert.Equal("Chưa đủ dữ liệu — 6/22 điểm chấm được", assessment.LabelVi());
        Assert.Equal("Chưa đủ dữ liệu — 6/22 điểm chấm được", TargetAssessment.LabelVi("chua_du_du_lieu", new PointsCoverage(6, 22)));
    }

    [Fact]
    public void Assess_ScoreOnItsFullMaximum_IsJudgedOnThePointsEarned()
    {
        Assert.Equal(TargetState.Met, TargetAssessment.Assess(22, OnlineGroup, true, null, new PointsCoverage(22, 22)).State);
        Assert.Equal(TargetState.NotMet, TargetAssessment.Assess(21.5, OnlineGroup, true, null, new PointsCoverage(22, 22)).State);
        Assert.Equal("10,5/22 điểm chấm được", new PointsCoverage(10.5, 22).Describe());
    }

    [Fact]
    public void TargetPeriod_FromTheMonthAPlanWasSigned_CoversLaterPeriodsOnly()
    {
        var plan = TargetPeriod.Parse("2025-11-");

        Assert.True(plan.Covers(Period.Parse("2025-11")));
        Assert.True(plan.Covers(Period.Parse("2026")));
        Assert.False(plan.Covers(Period.Parse("2025-10")));
        Assert.False(plan.Covers(Period.Parse("2025")));
    }
}
