using Dapper;
using IndicatorWarehouse.Application.Build;
using IndicatorWarehouse.Application.Ingest;
using IndicatorWarehouse.Application.Measures;
using IndicatorWarehouse.Application.Reports.Scorecards;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Reporting.Formatting;
using IndicatorWarehouse.Reporting.Html;
using IndicatorWarehouse.Reporting.Templates.Scorecards;
using IndicatorWarehouse.Tests.Support;
using static IndicatorWarehouse.Tests.Support.Rows;

namespace IndicatorWarehouse.Tests.Operations;

public sealed class SqliteIndex766AssessmentTests : Index766AssessmentTests<SqliteProvider>;
public sealed class SqlServerIndex766AssessmentTests : Index766AssessmentTests<SqlServerProvider>;

/// <summary>766 groups against the plans' targets after a real build: a group scored on part of its maximum is never
/// "Đạt" and says how much was scored, in the stored status and wherever it is read; PAYMENT is fed from the one-stop
/// data and the hand figures; a unit without dossiers gets the rules' own values; the Tây Ninh plan's targets.</summary>
public abstract class Index766AssessmentTests<TProvider> : WarehouseTests<TProvider> where TProvider : WarehouseProvider, new()
{
    private const string AsOf = "2026-11-20T17:00:00";
    private static readonly ReferenceFiles Reference = ReferenceFiles.Default();

    private static Task LoadTayNinhPlanAsync(ITestWarehouse w) =>
        new IngestService(w.Database, Reference).IngestFileAsync(SourceKind.Targets, Reference.PathOf("targets/tni-syt-kh-bo-chi-so-2025.csv"),
            asOf: At(AsOf));

    private static async Task<Dictionary<string, (string Status, double? Value)>> StatusesAsync(ITestWarehouse w, string period,
        string agency = "TNI.SYT")
    {
        await using var c = await w.OpenAsync();
        return (await c.QueryAsync<(string Indicator, string Status, double? Value)>(
                "SELECT indicator_code, status, value FROM fact_indicator_status WHERE agency_code = @agency AND period_code = @period",
                new { agency, period }))
            .ToDictionary(r => r.Indicator, r => (r.Status, r.Value));
    }

    [ProviderFact]
    public async Task Build_GroupScoredOnPartOfItsMaximum_IsPartialWithHowMuchWasScored_InTheStoreTheScorecardAndMeasures()
    {
        await using var w = await InitializedAsync();
        var probe = new MeasureProbe(w);
        // Two online dossiers handled early: the online group has only its online-dossier rate (6 of 22 points), in full.
        await probe.DossiersAsync(
            Dossier("A-1", "2026-10-01T08:00:00", due: "2026-10-10T17:00:00", finished: "2026-10-05T10:00:00"),
            Dossier("A-2", "2026-10-02T08:00:00", due: "2026-10-10T17:00:00", finished: "2026-10-06T10:00:00"));
        await LoadTayNinhPlanAsync(w);

        await probe.BuildAsync();

        var october = await probe.ValuesAsync("2026-10");
        Assert.Equal((6.0, 6.0), (october["index766_online_service"].Num!.Value, october["index766_online_service"].Den!.Value));
        var statuses = await StatusesAsync(w, "2026-10");
        // The points earned, not 6 rescaled to 22, and not met.
        Assert.Equal(("chua_du_du_lieu", (double?)6.0), statuses["index766_online_service"]);
        // Progress is scored on its whole 20 points (20/20 on time): that one can be met.
        Assert.Equal(("dat", (double?)20.0), statuses["index766_progress"]);
        await using (var c = await w.OpenAsync())
            Assert.Equal(0, await c.ExecuteScalarAsync<int>("""
                SELECT COUNT(*) FROM fact_indicator_status s
                JOIN fact_indicator_value v ON v.agency_code = s.agency_code AND v.period_code = s.period_code AND v.indicator_code = s.indicator_code
                WHERE s.indicator_code LIKE 'index766%' AND s.status = 'dat' AND v.denominator < s.target_value
                """));

        var scorecard = await new ScorecardQuery(w.Database, Reference).LoadAsync("TNI.SYT", "2026-10", new DateOnly(2026, 11, 21));
        var online = scorecard.Index766.Groups.Single(g => g.Code == "online_service").Target!;
        Assert.Equal((ReportStatus.Partial, "Chưa đủ dữ liệu — 6/22 điểm chấm được"), (online.Status, online.StatusLabel));
        Assert.Equal(ReportStatus.Met, scorecard.Index766.Groups.Single(g => g.Code == "progress").Target!.Status);
        await using (var html = new HtmlRenderService())
        {
            var table = await html.RenderAsync<Index766Table>(new Dictionary<string, object?> { ["Scores"] = scorecard.Index766 });
            Assert.Contains(">Chưa đủ dữ liệu — 6/22 điểm chấm được</span>", table);
            Assert.Contains(">Đạt</span>", table);
        }

        var measures = new StringWriter();
        MeasuresFormatter.Write(await new MeasuresQuery(w.Database).ForAsync("TNI.SYT", "2026-10"), "table", measures, Reference.Index766Rules());
        Assert.Contains(measures.ToString().Split('\n'), line => line.StartsWith("Cung cấp dịch vụ trực tuyến", StringComparison.Ordinal)
                                                              && line.TrimEnd().EndsWith("Chưa đủ dữ liệu — 6/22 điểm chấm được", StringComparison.Ordinal));
    }

    [ProviderFact]
    public async Task Build_Payment_ScoredFromDossiersPaidOnlineAndTheFeeProcedureFigures()
    {
        await using var w = await InitializedAsync();
        var probe = new MeasureProbe(w);
        // A = 2 of the 3 dossiers with a fee paid online (one on the national portal, one on a local gateway).
        await probe.DossiersAsync(
            Dossier("P-1", "2026-10-01T08:00:00", fee: 50000, paidOnline: 1),
            Dossier("P-2", "2026-10-01T09:00:00", fee: 50000, paidOnline: 2),
            Dossier("P-3", "2026-10-01T10:00:00", fee: 20000),
            Dossier("P-4", "2026-10-01T11:00:00"));
        await probe.BuildAsync();
        var withoutFigures = await probe.ValuesAsync("2026-10");

        // B = 3 of 4 fee procedures payable online; C = 50 % of fee procedures with their fee data synced (a percent alone).
        await probe.Ingest.LoadFiguresAsync(File("figures", "f1", AsOf), Valid(
            new FigureRecord("TNI.SYT", "online_payment_procedure_rate", "2026-10", null, 3, 4, "Báo cáo CCHC tháng 10/2026", "II.4"),
            new FigureRecord("TNI.SYT", "fee_data_synced_procedure_rate", "2026-10", 50, null, null, "Báo cáo CCHC tháng 10/2026", "II.4")));
        await probe.BuildAsync();
        var october = await probe.ValuesAsync("2026-10");

        Assert.Equal((2.0, 3.0), (withoutFigures["online_payment_rate"].Num!.Value, withoutFigures["online_payment_rate"].Den!.Value));
        // Without B and C the formula is undefined: no payment score, not a partial one.
        Assert.False(withoutFigures.ContainsKey("index766_payment"));
        // min(10, 6 · 2/3 + min(2, 2.5 · 0.75) + 2.5 · 0.5) = 4 + 1.875 + 1.25
        Assert.Equal((7.125, 10.0), (Math.Round(october["index766_payment"].Num!.Value, 9), october["index766_payment"].Den!.Value));
        // The online group now holds the payment split's 10 points beside the online-dossier rate's 6.
        Assert.Equal(16.0, october["index766_online_service"].Den);
    }

    [ProviderFact]
    public async Task Build_UnitWithPaknButNoDossiers_GetsTheRulesOwnValuesNotNoData()
    {
        await using var w = await InitializedAsync();
        var probe = new MeasureProbe(w);
        await probe.DossiersAsync(Dossier("S-1", "2026-10-01T08:00:00", due: "2026-10-10T17:00:00", finished: "2026-10-05T10:00:00"));
        await probe.PaknAsync(Pakn("K-1", "2026-10-02T08:00:00", handled: "2026-10-03T08:00:00", due: "2026-10-20T17:00:00", agency: "TNI.SNV"));

        await probe.BuildAsync();

        var noDossiers = await probe.ValuesAsync("2026-10", "TNI.SNV");
        Assert.Equal((0.0, 0.0), (noDossiers["received_total"].Num!.Value, noDossiers["on_time_rate_766"].Den!.Value));
        Assert.Null(noDossiers["on_time_rate_766"].Value);
        // index766.yaml: progress 0 and dossier satisfaction 0 for a unit with no dossiers; its PAKN earn 6 + 6.
        Assert.Equal((0.0, 20.0), (noDossiers["index766_progress"].Num!.Value, noDossiers["index766_progress"].Den!.Value));
        Assert.Equal((12.0, 18.0), (noDossiers["index766_satisfaction"].Num!.Value, noDossiers["index766_satisfaction"].Den!.Value));
        // And the other way round: a unit with dossiers but no PAKN gets full PAKN points.
        var noPakn = await probe.ValuesAsync("2026-10");
        Assert.Equal((18.0, 18.0), (noPakn["index766_satisfaction"].Num!.Value, noPakn["index766_satisfaction"].Den!.Value));
    }

    [ProviderFact]
    public async Task Build_ZeroLateTarget_CountsDossiersPendingOverdue_AndThePlanAppliesFromItsOwnMonth()
    {
        await using var w = await InitializedAsync();
        var probe = new MeasureProbe(w);
        await probe.DossiersAsync(
            Dossier("L-0", "2025-10-06T08:00:00", due: "2025-10-15T17:00:00", finished: "2025-10-10T10:00:00"),
            Dossier("L-1", "2026-10-01T08:00:00", due: "2026-10-10T17:00:00", finished: "2026-10-05T10:00:00"),
            // Not processed late — still open, and past its due date since 10/10.
            Dossier("L-2", "2026-10-02T08:00:00", due: "2026-10-10T17:00:00", status: 4));
        await LoadTayNinhPlanAsync(w);

        await probe.BuildAsync();

        var october = await probe.ValuesAsync("2026-10");
        Assert.Equal((0.0, 1.0, 1.0), (october["processed_late"].Num!.Value, october["pending_overdue"].Num!.Value, october["late_dossiers"].Num!.Value));
        var statuses = await StatusesAsync(w, "2026-10");
        Assert.Equal(("chua_dat", (double?)1.0), statuses["late_dossiers"]);
        Assert.False(statuses.ContainsKey("processed_late"));
        // The plan is of 11/2025: October 2025 is before it and has no target; the year 2025 is not wholly under it either.
        Assert.Empty(await StatusesAsync(w, "2025-10"));
        Assert.Empty(await StatusesAsync(w, "2025"));
        Assert.Contains("late_dossiers", (await StatusesAsync(w, "2026")).Keys);
    }
}
