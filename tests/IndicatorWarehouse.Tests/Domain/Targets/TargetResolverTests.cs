using IndicatorWarehouse.Domain.Periods;
using IndicatorWarehouse.Domain.Targets;

namespace IndicatorWarehouse.Tests.Domain.Targets;

public sealed class TargetResolverTests
{
    private static Target T(long id, string agency, string period, double value, string clause = "I", string comparator = ">=") =>
        new(id, agency, "dossier_satisfaction_rate", TargetPeriod.Parse(period), comparator, value, "704/KH-SYT", clause);

    [Fact]
    public void Resolve_MostSpecificSpanWins_AndTheUnitsOwnBeatsEveryUnit()
    {
        var resolver = new TargetResolver([T(1, "*", "2022", 99), T(2, "DNA.SYT", "2021-2025", 90), T(3, "DNA.SYT", "2022", 95), T(4, "DNA.SYT", "2022-10", 97)]);

        Assert.Equal(4, resolver.Resolve("DNA.SYT", "dossier_satisfaction_rate", Period.Parse("2022-10"))!.Target.Id);
        Assert.Equal(3, resolver.Resolve("DNA.SYT", "dossier_satisfaction_rate", Period.Parse("2022-Q1"))!.Target.Id);
        Assert.Equal(2, resolver.Resolve("DNA.SYT", "dossier_satisfaction_rate", Period.Parse("2023"))!.Target.Id);
        Assert.Equal(1, resolver.Resolve("DNA.SNV", "dossier_satisfaction_rate", Period.Parse("2022-05"))!.Target.Id);
        Assert.Null(resolver.Resolve("DNA.SYT", "dossier_satisfaction_rate", Period.Parse("2026")));
    }

    [Fact]
    public void Resolve_TwoDeclarationsContradict_TheStricterAppliesAndTheOtherIsReported()
    {
        // Seed 000: satisfaction ≥ 98 % in §I but ≥ 92 % in table row 3.3.
        var resolver = new TargetResolver([T(1, "DNA.SYT", "2022", 98, "I.2"), T(2, "DNA.SYT", "2022", 92, "II bảng, dòng 3.3")]);

        var applicable = resolver.Resolve("DNA.SYT", "dossier_satisfaction_rate", Period.Parse("2022"))!;

        Assert.Equal(98, applicable.Target.Value);
        Assert.True(applicable.HasConflict);
        Assert.Equal("II bảng, dòng 3.3", Assert.Single(applicable.Conflicting).Clause);
    }

    [Fact]
    public void Parse_OpenEndedPlan_RunsFromItsFirstYearOn()
    {
        var span = TargetPeriod.Parse("2025-");

        Assert.Equal(new DateOnly(2025, 1, 1), span.Start);
        Assert.True(span.Covers(Period.Parse("2030-Q2")));
    }

    [Theory]
    [InlineData(97.0, true, null, TargetState.NotMet)]
    [InlineData(98.5, true, null, TargetState.Met)]
    [InlineData(97.0, false, 98.2, TargetState.Met)]      // open period, the trend reaches the target by its end
    [InlineData(98.5, false, 97.1, TargetState.AtRisk)]   // open period, met so far but the trend projects a miss
    [InlineData(null, true, null, TargetState.NoData)]
    public void Assess_ClosedAndOpenPeriods(double? value, bool closed, double? projected, TargetState expected)
    {
        var assessment = TargetAssessment.Assess(value, T(1, "DNA.SYT", "2022", 98), closed, projected);

        Assert.Equal(expected, assessment.State);
        Assert.Equal(value - 98, assessment.Gap);
    }

    [Fact]
    public void Assess_LowerIsBetterTarget_ZeroLateDossiers()
    {
        var zeroLate = new Target(1, "TNI.SYT", "processed_late", TargetPeriod.Parse("2025-"), "<=", 0, "KH 11/2025", "II.2");

        Assert.Equal(TargetState.NotMet, TargetAssessment.Assess(3, zeroLate, periodClosed: true, null).State);
        Assert.Equal(TargetState.Met, TargetAssessment.Assess(0, zeroLate, periodClosed: true, null).State);
    }
}
