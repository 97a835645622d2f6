using Dapper;
using IndicatorWarehouse.Application.Build;
using IndicatorWarehouse.Application.Ingest;
using IndicatorWarehouse.Application.Operations;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Tests.Support;
using static IndicatorWarehouse.Tests.Support.Rows;

namespace IndicatorWarehouse.Tests.Operations;

public sealed class SqliteFigureTests : FigureTests<SqliteProvider>;
public sealed class SqlServerFigureTests : FigureTests<SqlServerProvider>;

/// <summary>Figures reported by hand: loaded with their document and clause, copied into the indicator values by
/// every build, in place of a computed value, and scored by the 766 rules when they are portal metrics.</summary>
public abstract class FigureTests<TProvider> : WarehouseTests<TProvider> where TProvider : WarehouseProvider, new()
{
    private const string AsOf = "2026-11-20T17:00:00";

    private static IngestService Ingest(ITestWarehouse w) => new(w.Database, ReferenceFiles.Default());
    private static MeasureProbe Probe(ITestWarehouse w) => new(w);
    private static Task BuildAsync(ITestWarehouse w, bool all = false) =>
        new BuildService(w.Database, ReferenceFiles.Default()).BuildAsync(new BuildRequest(All: all));

    private static FigureRecord Figure(string indicator, string period, double? value, double? numerator = null, double? denominator = null,
        string agency = "TNI.SYT") =>
        new(agency, indicator, period, value, numerator, denominator, "Báo cáo CCHC tháng 10/2026 (Sở Y tế Tây Ninh)", "II.3");

    [ProviderFact]
    public async Task IngestFigures_SeedReport_LandInIndicatorValuesWithTheirProvenanceAndSurviveEveryBuild()
    {
        await using var w = await InitializedAsync();
        var file = ReferenceFiles.Default().PathOf("figures/brv-syt-bao-cao-cchc-2022-q1.csv");

        var result = await Ingest(w).IngestFileAsync(SourceKind.Figures, file, At("2022-04-15T17:00:00"));
        await BuildAsync(w);
        var afterFirst = await Probe(w).ValuesAsync("2022-Q1", "BRV.SYT");
        await Ingest(w).LoadDossiersAsync(File(hash: "d1", asOf: AsOf), Valid(Dossier("D1", "2022-02-01T08:00:00", agency: "BRV.SYT")));
        await BuildAsync(w, all: true);
        var afterAll = await Probe(w).ValuesAsync("2022-Q1", "BRV.SYT");

        Assert.Equal((9L, 9L, 0L), (result.Read, result.Inserted, result.Quarantined));
        Assert.Equal(["pakn_handled", "pakn_total", "plan_tasks_done", "plan_tasks_in_progress", "plan_tasks_total", "procedures_abolished",
            "procedures_at_centre", "procedures_online_full", "procedures_online_partial"], afterFirst.Keys.Order());
        Assert.Equal((126.0, (double?)null, 126.0), (afterFirst["procedures_at_centre"].Num!.Value, afterFirst["procedures_at_centre"].Den, afterFirst["procedures_at_centre"].Value!.Value));
        Assert.Equal(76.0, afterFirst["procedures_online_full"].Value);
        Assert.Equal(15.0, afterFirst["plan_tasks_in_progress"].Value);
        // A later build over the same quarter, now with a dossier of the unit to count, still holds every figure.
        Assert.Equal(1.0, afterAll["received_total"].Num);
        Assert.All(afterFirst, figure => Assert.Equal(figure.Value, afterAll[figure.Key]));
        await using var c = await w.OpenAsync();
        Assert.Equal(("Báo cáo CCHC quý I/2022 (Sở Y tế Bà Rịa - Vũng Tàu)", "II.6.8"), await c.QuerySingleAsync<(string, string)>(
            "SELECT source_document, clause FROM fact_figure WHERE indicator_code = 'procedures_online_full'"));
        Assert.Equal("figure", await c.ExecuteScalarAsync<string>(
            "SELECT rule_version FROM fact_indicator_value WHERE agency_code = 'BRV.SYT' AND period_code = '2022-Q1' AND indicator_code = 'plan_tasks_done'"));
    }

    [ProviderFact]
    public async Task Build_FigureForAComputedIndicator_TakesThePlaceOfTheComputedValue()
    {
        await using var w = await InitializedAsync();
        await Ingest(w).LoadDossiersAsync(File(hash: "d1", asOf: AsOf), Valid(
            Dossier("D1", "2026-10-01T08:00:00", due: "2026-10-10T17:00:00", finished: "2026-10-09T10:00:00"),
            Dossier("D2", "2026-10-02T08:00:00", due: "2026-10-10T17:00:00", finished: "2026-10-12T10:00:00")));
        await Ingest(w).LoadFiguresAsync(File("figures", "f1", AsOf), Valid(Figure("on_time_rate_766", "2026-10", null, 9, 10)));

        await BuildAsync(w, all: true);

        var october = await Probe(w).ValuesAsync("2026-10");
        Assert.Equal((9.0, 10.0, 90.0), (october["on_time_rate_766"].Num!.Value, october["on_time_rate_766"].Den!.Value, october["on_time_rate_766"].Value!.Value));
        Assert.Equal(1.0, october["processed_late"].Num);
        // The figure, not the computed 50 %, feeds the 766 progress score: 20 points × 90 %.
        Assert.Equal(18.0, october["index766_progress"].Value);
        // Only its own unit, period and indicator: the quarter is counted from the dossiers.
        Assert.Equal(50.0, (await Probe(w).ValuesAsync("2026-Q4"))["on_time_rate_766"].Value);
    }

    [ProviderFact]
    public async Task Build_PortalFiguresWith766Metrics_FeedTheScorer()
    {
        await using var w = await InitializedAsync();
        await Ingest(w).LoadFiguresAsync(File("figures", "f1", AsOf), Valid(
            Figure("procedures_published_on_time_rate", "2026-10", 80),
            Figure("dossier_sync_rate", "2026-10", null, 45, 50)));

        await BuildAsync(w);

        var october = await Probe(w).ValuesAsync("2026-10");
        // PUBLISH_ON_TIME 6 × 80 % + DOSSIER_SYNC 6 × 90 %, scored against the 12 points of the two metrics given.
        Assert.Equal((10.2, 12.0), (Math.Round(october["index766_transparency"].Num!.Value, 6), october["index766_transparency"].Den!.Value));
        Assert.Equal(10.2, Math.Round(october["index766_total"].Value!.Value, 6));
        Assert.Equal((45.0, 50.0, 90.0), (october["dossier_sync_rate"].Num!.Value, october["dossier_sync_rate"].Den!.Value, october["dossier_sync_rate"].Value!.Value));
    }

    [ProviderFact]
    public async Task IngestFigures_RowsTheCatalogCannotTake_AreQuarantinedWithTheReason()
    {
        await using var w = await InitializedAsync();
        var path = Path.Combine(Path.GetTempPath(), $"iw-figures-{Guid.NewGuid():N}.csv");
        await System.IO.File.WriteAllTextAsync(path, """
            agency_code,indicator,period,value,numerator,denominator,source_document,clause
            TNI.SYT,plan_tasks_done,2026-Q3,10,,,Báo cáo quý III,I.1
            TNI.SYT,ty_le_la,2026-Q3,10,,,Báo cáo quý III,I.2
            TNI.SYT,dossier_sync_rate,2026-Q3,70,45,50,Báo cáo quý III,I.3
            TNI.SYT,plan_tasks_done,2026-Q4,,10,4,Báo cáo quý III,I.4
            TNI.SYT,plan_tasks_done,2027,10,,,Báo cáo quý III,I.5
            TNI.SYT,index766_total,2026-Q3,80,,,Báo cáo quý III,I.6
            TNI.XXX,plan_tasks_done,2026-Q3,10,,,Báo cáo quý III,I.7
            TNI.SYT,dossier_sync_rate,2026-Q3,120.5,,,Báo cáo quý III,I.8
            """);
        try
        {
            var result = await Ingest(w).IngestFileAsync(SourceKind.Figures, path, At(AsOf));

            Assert.Equal((8L, 1L, 7L), (result.Read, result.Inserted, result.Quarantined));
            await using var c = await w.OpenAsync();
            var reasons = (await c.QueryAsync<(long Line, string Field, string Reason)>(
                "SELECT line_no, field, reason FROM etl_quarantine ORDER BY line_no")).ToList();
            Assert.Equal(["indicator", "value", "denominator", "period", "indicator", "agency_code", "value"], reasons.Select(r => r.Field));
            Assert.Equal(
            [
                "'ty_le_la' không có trong danh mục chỉ tiêu / 'ty_le_la' is not in the indicator catalog",
                "70 không khớp với tử số ÷ mẫu số (90 %) / 70 does not match numerator ÷ denominator (90 %)",
                "'plan_tasks_done' là chỉ tiêu đếm số lượng: không có mẫu số / 'plan_tasks_done' is a count: it has no denominator",
                "period: '2027' bắt đầu từ 01/01/2027, sau thời điểm dữ liệu của lô (20/11/2026 17:00) / "
                    + "'2027' begins on 01/01/2027, after the snapshot's as-of time 20/11/2026 17:00",
                "'index766_total' là điểm Bộ chỉ số 766, được tính từ các chỉ tiêu thành phần khi tổng hợp: hãy báo số liệu các chỉ tiêu thành phần / "
                    + "'index766_total' is a 766 score, which the build computes from its metrics: report the metrics instead",
                "'TNI.XXX' không có trong danh sách đơn vị của tệp tham chiếu (agencies.csv) / 'TNI.XXX' is not a unit of the reference file (agencies.csv)",
                "120,5 không phải tỷ lệ phần trăm (0–100) / 120.5 is not a percent (0–100)",
            ], reasons.Select(r => r.Reason));
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [ProviderFact]
    public async Task Revert_FiguresSnapshot_TheNextBuildGoesBackToTheComputedValue()
    {
        await using var w = await InitializedAsync();
        await Ingest(w).LoadDossiersAsync(File(hash: "d1", asOf: AsOf), Valid(
            Dossier("D1", "2026-10-01T08:00:00", due: "2026-10-10T17:00:00", finished: "2026-10-12T10:00:00")));
        var figures = await Ingest(w).LoadFiguresAsync(File("figures", "f1", AsOf), Valid(Figure("on_time_rate_766", "2026-10", 75)));
        await BuildAsync(w);
        Assert.Equal(75.0, (await Probe(w).ValuesAsync("2026-10"))["on_time_rate_766"].Value);

        await new SnapshotService(w.Database).RevertAsync(figures.SnapshotId);
        await BuildAsync(w);

        Assert.Equal((0.0, 1.0, 0.0), ((await Probe(w).ValuesAsync("2026-10"))["on_time_rate_766"] is var v ? (v.Num!.Value, v.Den!.Value, v.Value!.Value) : default));
    }
}
