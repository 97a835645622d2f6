using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Domain.Index766;

namespace IndicatorWarehouse.Tests.Domain.Index766;

/// <summary>Worked examples of the shipped rules (reference/index766.yaml); expected points are worked out by hand.</summary>
public sealed class Index766ScorerTests
{
    private const string Unit = "000.00.00.H56", Period = "2026-Q1";
    private static readonly Index766Rules Rules = ReferenceFiles.Default().Index766Rules();

    [Theory]
    [InlineData("PUBLISH_ON_TIME", 45, 50, 5.4, 6)]                    // 6 × 0.9
    [InlineData("PUBLIC_UPDATE_ON_TIME", 3, 4, 3, 4)]                  // 4 × 0.75
    [InlineData("PUBLIC_CONTENT_FULL", 1, 4, 0.5, 2)]                  // 2 × 0.25
    [InlineData("DOSSIER_SYNC", 90, 120, 4.5, 6)]                      // 6 × 0.75
    [InlineData("PROGRESS", 45, 50, 18, 20)]                           // 20 × 0.9
    [InlineData("ONLINE_SERVICE_WITH_DOSSIERS", 30, 40, 3, 4)]         // 4 × 0.75
    [InlineData("ORIGINAL_RESULT_AVAILABLE", 70, 100, 4.2, 6)]         // 6 × 0.7
    [InlineData("SO_HOA_GIAY_TO_GIAI_QUYET", 60, 80, 3, 4)]            // 4 × 0.75
    [InlineData("SYNCED_WITH_DVCQG_PERSONAL_STORAGE", 1, 2, 2, 4)]     // 4 × 0.5
    [InlineData("CITIZEN_DATA_CONNECTED_FORMALITY", 9, 10, 1.8, 2)]    // 2 × 0.9
    [InlineData("CITIZEN_DATA_CONNECTED_DOSSIER", 50, 200, 0.5, 2)]    // 2 × 0.25
    [InlineData("ELECTRONIC_CERTIFIED_COPY", 3, 5, 1.2, 2)]            // 2 × 0.6
    [InlineData("PETITION_PROCESSING_ON_TIME", 8, 10, 4.8, 6)]         // 6 × 0.8
    [InlineData("PETITION_HANDLING_SATISFACTION", 5, 10, 3, 6)]        // 6 × 0.5
    public void Score_LinearMetric_IsMaxTimesRatio(string metric, double numerator, double denominator, double expected, double max)
    {
        var row = MetricRow(new MetricInput(Unit, Period, metric, numerator, denominator));

        Assert.Equal(expected, row.Score!.Value, 9);
        Assert.Equal(max, row.MaxScore);
    }

    [Theory]
    [InlineData("ONLINE_SERVICE_PROVIDED", 40, 1)]          // below 0.8: 2 × 0.4 / 0.8
    [InlineData("ONLINE_SERVICE_PROVIDED", 80, 2)]          // at the threshold: full
    [InlineData("ONLINE_SERVICE_PROVIDED", 95, 2)]          // above: full, no more
    [InlineData("ONLINE_DOSSIER_RATE", 25, 3)]              // 6 × 0.25 / 0.5
    [InlineData("ONLINE_DOSSIER_RATE", 50, 6)]
    [InlineData("ONLINE_DOSSIER_RATE", 70, 6)]
    [InlineData("REUSED_DIGITIZED_DATA", 20, 0.5)]          // 2 × 0.2 / 0.8
    [InlineData("REUSED_DIGITIZED_DATA", 80, 2)]
    [InlineData("REUSED_DIGITIZED_DATA", 100, 2)]
    [InlineData("DOSSIER_RECEIVING_SATISFACTION", 45, 3)]   // 6 × 0.45 / 0.9
    [InlineData("DOSSIER_RECEIVING_SATISFACTION", 90, 6)]
    [InlineData("DOSSIER_RECEIVING_SATISFACTION", 99, 6)]
    public void Score_ThresholdMetric_FullAtThresholdElseProportional(string metric, double numeratorOf100, double expected)
    {
        var row = MetricRow(new MetricInput(Unit, Period, metric, numeratorOf100, 100));

        Assert.Equal(expected, row.Score!.Value, 9);
    }

    [Theory]
    [InlineData(30, 60, 4, 10, 8, 6)]        // 6 × 0.5 + min(2, 2.5 × 0.4) + 2.5 × 0.8 = 3 + 1 + 2
    [InlineData(10, 40, 2, 10, 5, 3.25)]     // 6 × 0.25 + 2.5 × 0.2 + 2.5 × 0.5 = 1.5 + 0.5 + 1.25
    [InlineData(0, 50, 10, 10, 0, 2)]        // B alone: 2.5 × 1 capped at 2
    [InlineData(50, 50, 10, 10, 10, 10)]     // 6 + 2 + 2.5 = 10.5, capped at 10
    public void Score_Payment_FollowsFormulaWithCaps(double paidOnline, double withFee, double proceduresPaidOnline,
        double feeProcedures, double feeProceduresSynced, double expected)
    {
        var row = MetricRow(Payment(paidOnline, withFee, proceduresPaidOnline, feeProcedures, feeProceduresSynced));

        Assert.Equal(expected, row.Score!.Value, 9);
        Assert.Equal(10, row.MaxScore);
    }

    [Fact]
    public void Score_PaymentWithoutFeeProcedures_HasNoScore() =>
        Assert.Null(MetricRow(Payment(0, 0, 0, 0, 0)).Score);

    [Fact]
    public void Score_ProgressFromParams_IsMaxTimesRatio()
    {
        var input = new MetricInput(Unit, Period, "PROGRESS", Params: new Dictionary<string, double> { ["totalOnTime"] = 45, ["totalReceived"] = 50 });

        Assert.Equal(18, MetricRow(input).Score!.Value, 9);   // 20 × 45/50
    }

    [Theory]
    [InlineData("ELECTRONIC_CERTIFIED_COPY", 75, 1.5)]   // 2 × 0.75
    [InlineData("ONLINE_DOSSIER_RATE", 30, 3.6)]         // 6 × 0.3 / 0.5
    [InlineData("PROGRESS", 100, 20)]
    public void Score_RatioInsteadOfCounts_UsesThePercent(string metric, double percent, double expected) =>
        Assert.Equal(expected, MetricRow(new MetricInput(Unit, Period, metric, Ratio: percent)).Score!.Value, 9);

    [Fact]
    public void Score_ZeroDenominatorButRatio_UsesTheRatio() =>
        Assert.Equal(1.5, MetricRow(new MetricInput(Unit, Period, "ELECTRONIC_CERTIFIED_COPY", 0, 0, 75)).Score!.Value, 9);

    [Theory]
    [InlineData("PETITION_PROCESSING_ON_TIME")]
    [InlineData("PETITION_HANDLING_SATISFACTION")]
    public void Score_NoPakn_ScoresSixPoints(string metric) =>
        Assert.Equal(6, MetricRow(new MetricInput(Unit, Period, metric, 0, 0)).Score);

    [Theory]
    [InlineData("PROGRESS", 20)]
    [InlineData("DOSSIER_RECEIVING_SATISFACTION", 6)]
    public void Score_NoDossiers_ScoresZeroAgainstTheMax(string metric, double max)
    {
        var row = MetricRow(new MetricInput(Unit, Period, metric, 0, 0));

        Assert.Equal(0, row.Score);
        Assert.Equal(max, row.MaxScore);
    }

    [Theory]
    [InlineData("DOSSIER_SYNC")]
    [InlineData("ONLINE_DOSSIER_RATE")]
    [InlineData("ELECTRONIC_CERTIFIED_COPY")]
    public void Score_ZeroDenominatorElsewhere_HasNoScore(string metric) =>
        Assert.Null(MetricRow(new MetricInput(Unit, Period, metric, 0, 0)).Score);

    [Fact]
    public void Score_NoFigures_HasNoScoreEvenWhereEmptyScoresZero() =>
        Assert.Null(MetricRow(new MetricInput(Unit, Period, "PROGRESS")).Score);

    [Fact]
    public void Score_GroupWithUnscoredMetric_SumsOnlyScoredAgainstTheirMaxima()
    {
        var rows = Score(
            new(Unit, Period, "PUBLISH_ON_TIME", 3, 6),       // 3 of 6
            new(Unit, Period, "PUBLIC_CONTENT_FULL", 1, 2),   // 1 of 2
            new(Unit, Period, "DOSSIER_SYNC", 0, 0));         // no score, its 6 left out

        AssertPoints(rows, "GROUP:transparency", 4, 8);
        AssertPoints(rows, "TOTAL", 4, 8);
    }

    [Fact]
    public void Score_SeveralGroups_GroupsAndTotalAddUp()
    {
        var rows = Score(
            new(Unit, Period, "PUBLISH_ON_TIME", 45, 50),                 // 5.4 / 6
            new(Unit, Period, "PUBLIC_UPDATE_ON_TIME", 4, 4),             // 4 / 4
            new(Unit, Period, "PROGRESS", 45, 50),                        // 18 / 20
            new(Unit, Period, "ORIGINAL_RESULT_AVAILABLE", 1, 2),         // 3 / 6
            new(Unit, Period, "REUSED_DIGITIZED_DATA", 40, 100),          // 1 / 2
            new(Unit, Period, "PETITION_PROCESSING_ON_TIME", 0, 0),       // 6 / 6 (no PAKN)
            new(Unit, Period, "DOSSIER_RECEIVING_SATISFACTION", 0, 0));   // 0 / 6 (no dossiers)

        AssertPoints(rows, "GROUP:transparency", 9.4, 10);
        AssertPoints(rows, "GROUP:progress", 18, 20);
        AssertPoints(rows, "GROUP:digitization", 4, 8);
        AssertPoints(rows, "GROUP:satisfaction", 6, 12);
        AssertPoints(rows, "GROUP:online_service", null, 22);
        AssertPoints(rows, "TOTAL", 37.4, 50);     // 9.4 + 18 + 4 + 6 against 10 + 20 + 8 + 12
    }

    [Fact]
    public void Score_PortalSplit_IsReportedButCountedOnceInTotal()
    {
        var rows = Score(
            new(Unit, Period, "ONLINE_DOSSIER_RATE", 50, 100),      // 6 / 6
            new(Unit, Period, "ONLINE_SERVICE_PROVIDED", 40, 100),  // 1 / 2
            Payment(50, 50, 10, 10, 10));                           // 10 / 10

        AssertPoints(rows, "GROUP:online", 7, 8);
        AssertPoints(rows, "GROUP:payment", 10, 10);
        AssertPoints(rows, "GROUP:online_service", 17, 18);
        AssertPoints(rows, "TOTAL", 17, 18);
        Assert.Equal(["GROUP:online", "GROUP:payment"], rows.Where(r => r.IsPortalSplit).Select(r => r.Metric));
    }

    [Fact]
    public void Score_EveryMetricFull_TotalIsOneHundred()
    {
        var rows = Score([.. Rules.Metrics.Select(m => m.Code == "PAYMENT" ? Payment(1, 1, 1, 1, 1) : new MetricInput(Unit, Period, m.Code, 1, 1))]);

        AssertPoints(rows, "TOTAL", 100, 100);
        Assert.Equal(5 + 2 + 1, rows.Count(r => r.Level != ScoreLevel.Metric));   // five groups, two splits, the total
    }

    [Fact]
    public void Score_NothingScored_GroupsAndTotalHaveNoScore()
    {
        var rows = Score(new MetricInput(Unit, Period, "DOSSIER_SYNC", 0, 0));

        AssertPoints(rows, "GROUP:transparency", null, 18);
        AssertPoints(rows, "TOTAL", null, 100);
    }

    [Fact]
    public void Score_TwoUnitsAndPeriods_ScoresEachApart()
    {
        var rows = Score(
            new("A", "2026-01", "PROGRESS", 1, 2),
            new("B", "2026-01", "PROGRESS", 1, 1),
            new("A", "2026-02", "PROGRESS", 1, 4));

        Assert.Equal([10.0, 20.0, 5.0], rows.Where(r => r.Metric == "TOTAL").Select(r => r.Score!.Value));
        Assert.Equal(["A", "B", "A"], rows.Where(r => r.Metric == "TOTAL").Select(r => r.Unit));
    }

    [Theory]
    [InlineData("NOT_A_METRIC", "unknown 766 metric 'NOT_A_METRIC'")]
    [InlineData("ONLINE_SERVICE", "a group's aggregate, not a metric")]   // the portal's aggregate row of a group
    public void Score_NotAMetric_RefusesThatRowAndScoresTheRest(string metric, string reason)
    {
        var scoring = new Index766Scorer(Rules).Score([new(Unit, Period, "PROGRESS", 1, 2), new(Unit, Period, metric, 1, 1)]);

        var refused = Assert.Single(scoring.Rejected);
        Assert.Equal(1, refused.Index);
        Assert.Contains(reason, refused.Reason);
        AssertPoints(scoring.Rows, "TOTAL", 10, 20);
    }

    [Fact]
    public void Score_MetricTwiceForOneUnitAndPeriod_RefusesTheSecond() =>
        Assert.Equal(1, Assert.Single(Rejected(new(Unit, Period, "PROGRESS", 1, 2), new(Unit, Period, "PROGRESS", 1, 2))).Index);

    [Theory]
    [InlineData(-1.0, 2.0, null, "negative figure")]
    [InlineData(70.0, 50.0, null, "numerator above its denominator")]   // never silently capped at the maximum
    [InlineData(null, null, 120.0, "ratio above 100 %")]
    public void Score_ImpossibleFigures_AreRefused(double? numerator, double? denominator, double? ratio, string reason) =>
        Assert.Contains(reason, Assert.Single(Rejected(new MetricInput(Unit, Period, "PUBLISH_ON_TIME", numerator, denominator, ratio))).Reason);

    [Fact]
    public void Score_PaymentTermAboveItsDenominator_IsRefused() =>
        Assert.Contains("PAYMENT.A", Assert.Single(Rejected(Payment(60, 50, 4, 10, 8))).Reason);

    [Fact]
    public void Score_PaymentGivenAsRatio_IsRefused() =>
        Assert.Contains("takes params only", Assert.Single(Rejected(new MetricInput(Unit, Period, "PAYMENT", Ratio: 80))).Reason);

    [Fact]
    public void Score_PaymentWithFeeProceduresButNoFeeDossier_ScoresAAsZero() =>
        Assert.Equal(3, MetricRow(Payment(0, 0, 4, 10, 8)).Score!.Value, 9);   // 6 × 0 + min(2, 2.5 × 0.4) + 2.5 × 0.8 = 0 + 1 + 2

    private static MetricInput Payment(double paidOnline, double withFee, double proceduresPaidOnline, double feeProcedures, double feeProceduresSynced) =>
        new(Unit, Period, "PAYMENT", Params: new Dictionary<string, double>
        {
            ["totalDossierOnlinePaymentSuccess"] = paidOnline,                // A = dossiers paid online
            ["totalDossierFinancialObligation"] = withFee,                    //     ÷ dossiers with a fee
            ["totalDossierOnlineFormalityPaymentSuccess"] = proceduresPaidOnline, // B = fee procedures paid online
            ["totalFeeFormality"] = feeProcedures,                            //     ÷ fee procedures (B and C)
            ["totalFeeDossierFormality"] = feeProceduresSynced,               // C = fee procedures with fee data synced
        });

    private static IReadOnlyList<ScoreRow> Score(params MetricInput[] inputs)
    {
        var scoring = new Index766Scorer(Rules).Score(inputs);
        Assert.Empty(scoring.Rejected);
        return scoring.Rows;
    }

    private static IReadOnlyList<RejectedInput> Rejected(params MetricInput[] inputs) => new Index766Scorer(Rules).Score(inputs).Rejected;

    private static ScoreRow MetricRow(MetricInput input) => Score(input).Single(r => r.Metric == input.Metric);

    private static void AssertPoints(IReadOnlyList<ScoreRow> rows, string metric, double? score, double max)
    {
        var row = rows.Single(r => r.Metric == metric);
        if (score is null) Assert.Null(row.Score);
        else Assert.Equal(score.Value, row.Score!.Value, 9);
        Assert.Equal(max, row.MaxScore, 9);
    }
}
