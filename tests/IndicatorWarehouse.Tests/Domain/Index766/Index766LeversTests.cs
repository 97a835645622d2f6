using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Domain.Index766;

namespace IndicatorWarehouse.Tests.Domain.Index766;

/// <summary>Levers on the shipped rules: worked examples, then the defining property over generated inputs.</summary>
public sealed class Index766LeversTests
{
    private const string Unit = "TNI.SYT", Period = "2026-10";
    private static readonly Index766Rules Rules = ReferenceFiles.Default().Index766Rules();

    [Theory]
    [InlineData("PROGRESS", 47, 50, 3, 1.2)]                 // 20 × 47/50 = 18,8: three more on time make 20
    [InlineData("ONLINE_DOSSIER_RATE", 20, 100, 30, 3.6)]    // full at 50 %: 6 − 6 × 0,2/0,5
    [InlineData("REUSED_DIGITIZED_DATA", 79, 100, 1, 0.025)] // full at 80 %
    [InlineData("PUBLISH_ON_TIME", 50, 50, 0, 0)]            // at the maximum
    public void For_CountedMetric_NeedsTheLeastWholeCount(string metric, double numerator, double denominator, long needed, double gained)
    {
        var lever = Lever(new MetricInput(Unit, Period, metric, numerator, denominator));

        Assert.Equal(needed, lever.Needed);
        Assert.Equal(gained, lever.PointsGained!.Value, 9);
    }

    [Fact]
    public void For_PaymentWithTheOtherTermsFull_RaisesDossiersPaidOnline()
    {
        var lever = Lever(Payment(30, 60, feeProceduresPaidOnline: 10, feeProceduresSynced: 10));

        Assert.Equal(25, lever.Needed);              // 6·A ≥ 10 − 2 − 2,5 ⇔ A ≥ 0,9167 ⇔ 55 of 60
        Assert.Equal((30, 60), (lever.Numerator, lever.Denominator));
        Assert.Equal(10 - 7.5, lever.PointsGained!.Value, 9);   // from 6 × 0,5 + 2 + 2,5
    }

    [Fact]
    public void For_PaymentCappedByAnotherTerm_NeedsNoCountOfItsOwn() =>
        Assert.Null(Lever(Payment(30, 60, feeProceduresPaidOnline: 10, feeProceduresSynced: 0)).Needed);   // 6 + 2 + 0 < 10

    [Theory]
    [InlineData("PROGRESS", 0.0, 0.0)]   // nothing received: scored 0, and no count fits under a denominator of 0
    [InlineData("PROGRESS", null, null)]
    public void For_NoRoomOrOnlyARatio_IsNull(string metric, double? numerator, double? denominator)
    {
        var input = numerator is null ? new MetricInput(Unit, Period, metric, Ratio: 80) : new MetricInput(Unit, Period, metric, numerator, denominator);

        Assert.Null(Lever(input).Needed);
    }

    /// <summary>The definition, for every rule: the numerator plus <c>needed</c> reaches the maximum exactly, one less
    /// does not; where <c>needed</c> is null, not even every count that fits under the denominator reaches it.</summary>
    [Fact]
    public void For_EveryRule_NeededIsTheLeastCountThatReachesTheMaximum()
    {
        var random = new Random(766);
        foreach (var rule in Rules.Metrics)
        {
            for (var i = 0; i < 400; i++)
            {
                var input = Generated(rule, random);
                var lever = Index766Levers.For(rule, input);
                if (lever.Score is null) continue;
                var score = lever.Score.Value;
                if (lever.Needed is not { } needed)
                {
                    var room = Math.Floor(lever.Denominator!.Value - lever.Numerator!.Value);
                    Assert.True(room < 1 || rule.Score(rule.WithMore(input, room)) < rule.Max, $"{rule.Code} {input}: a count reaches the maximum");
                    continue;
                }
                Assert.Equal(rule.Max - score, lever.PointsGained);
                if (needed == 0) { Assert.Equal(rule.Max, score); continue; }
                Assert.Equal(rule.Max, rule.Score(rule.WithMore(input, needed)));
                Assert.True(rule.Score(rule.WithMore(input, needed - 1)) < rule.Max, $"{rule.Code} {input}: {needed} − 1 reaches the maximum");
            }
        }
    }

    [Fact]
    public void Find_RefusedRow_IsLeftOutAndNamed()
    {
        var (levers, rejected) = Index766Levers.Find(Rules, [new(Unit, Period, "PROGRESS", 70, 50), new(Unit, Period, "PROGRESS", 1, 2)]);

        Assert.Equal(0, Assert.Single(rejected).Index);
        Assert.Equal(1, Assert.Single(levers).Needed);
    }

    private static MetricInput Generated(MetricRule rule, Random random)
    {
        double Count(int atMost) => random.Next(0, atMost + 1);
        if (rule.Rule != ScoreRule.WeightedSum)
        {
            var denominator = Count(random.Next(2) == 0 ? 12 : 5_000);
            return new MetricInput(Unit, Period, rule.Code, Count((int)denominator), denominator);
        }
        var withFee = Count(3_000);
        var feeProcedures = Count(40);
        return Payment(Count((int)withFee), withFee, Count((int)feeProcedures), Count((int)feeProcedures), feeProcedures);
    }

    private static Lever Lever(MetricInput input)
    {
        Assert.True(Rules.TryGetMetric(input.Metric, out var rule));
        return Index766Levers.For(rule, input);
    }

    private static MetricInput Payment(double paidOnline, double withFee, double feeProceduresPaidOnline, double feeProceduresSynced,
        double feeProcedures = 10) =>
        new(Unit, Period, "PAYMENT", Params: new Dictionary<string, double>
        {
            ["totalDossierOnlinePaymentSuccess"] = paidOnline,
            ["totalDossierFinancialObligation"] = withFee,
            ["totalDossierOnlineFormalityPaymentSuccess"] = feeProceduresPaidOnline,
            ["totalFeeFormality"] = feeProcedures,
            ["totalFeeDossierFormality"] = feeProceduresSynced,
        });
}
