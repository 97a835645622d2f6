using Dapper;
using IndicatorWarehouse.Application.Build;
using IndicatorWarehouse.Application.Exports;
using IndicatorWarehouse.Application.Measures;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Tests.Support;
using static IndicatorWarehouse.Tests.Support.Rows;

namespace IndicatorWarehouse.Tests.Warehouse;

public sealed class SqliteLineageTests : LineageTests<SqliteProvider>;
public sealed class SqlServerLineageTests : LineageTests<SqlServerProvider>;

/// <summary>Merged units' history by what moved (agency_lineage_transfers.csv): Sở LĐTBXH's social-protection,
/// children and social-evils dossiers went to Sở Y tế on 01/03/2025, the rest to Sở Nội vụ; Long An's departments
/// merged into Tây Ninh's on 01/07/2025.</summary>
public abstract class LineageTests<TProvider> : WarehouseTests<TProvider> where TProvider : WarehouseProvider, new()
{
    private static DossierRecord In(DossierRecord d, string field, string procedure) => d with { FieldCode = field, ProcedureCode = procedure };

    private static DossierRecord Done(string code, string received, string agency) =>
        Dossier(code, received, due: At(received).AddDays(10).ToString("s"), finished: At(received).AddDays(2).ToString("s"), agency: agency);

    [ProviderFact]
    public async Task Lineage_SplitPredecessor_SuccessorAddsTheWholeDossiersOfTheFieldsThatMoved()
    {
        await using var w = await InitializedAsync();
        var p = new MeasureProbe(w);
        await p.DossiersAsync(
            Done("SYT-1", "2021-03-01T08:00:00", "TNI.SYT"),
            Done("LAN-SYT-1", "2021-03-02T08:00:00", "LAN.SYT"),
            In(Done("LD-BTXH", "2021-03-03T08:00:00", "TNI.SLDTBXH"), "BTXH", "1.001776"),
            In(Done("LD-TREEM", "2021-03-04T08:00:00", "LAN.SLDTBXH"), "TREEM", "1.004946"),
            In(Done("LD-VL-1", "2021-03-05T08:00:00", "TNI.SLDTBXH"), "VIECLAM", "1.001978"),
            In(Done("LD-VL-2", "2021-03-08T08:00:00", "TNI.SLDTBXH"), "VIECLAM", "1.001978"),
            In(Done("LD-LD-1", "2021-03-09T08:00:00", "LAN.SLDTBXH"), "LAODONG", "1.000105"),
            Done("SNV-1", "2021-03-10T08:00:00", "TNI.SNV"));
        await p.BuildAsync();
        await using var c = await w.OpenAsync();

        var syt = await LineageAsync(c, "TNI.SYT", "2021", "received_total");
        var snv = await LineageAsync(c, "TNI.SNV", "2021", "received_total");
        var sytMonth = await LineageAsync(c, "TNI.SYT", "2021-03", "on_time_rate_766");

        // Own (TNI.SYT), its Long An predecessor, and the two LĐTBXH dossiers of fields that moved: no 40 % share.
        Assert.Equal((4.0, 0L), (syt.Numerator, syt.IsEstimate));
        Assert.Equal(1 + 3.0, snv.Numerator);
        Assert.Equal((4.0, 4.0, 100.0), (sytMonth.Numerator, sytMonth.Denominator, sytMonth.Value));
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM mart_indicator_lineage l JOIN dim_indicator i ON i.indicator_code = l.indicator_code
            WHERE i.lineage = 'field' AND (l.numerator <> ROUND(l.numerator, 0) OR l.denominator <> ROUND(l.denominator, 0))
            """));
    }

    [ProviderFact]
    public async Task Lineage_PaknOfASplitPredecessor_IsAnEstimateThatPrintsItsShares()
    {
        await using var w = await InitializedAsync();
        var p = new MeasureProbe(w);
        await p.DossiersAsync(Done("SYT-1", "2021-03-01T08:00:00", "TNI.SYT"));
        await p.PaknAsync(Enumerable.Range(1, 10).Select(i =>
            Pakn($"LD-P{i}", "2021-03-02T08:00:00", handled: "2021-03-04T08:00:00", due: "2021-03-20T17:00:00", agency: "TNI.SLDTBXH")).ToArray());
        await p.BuildAsync();
        await using var c = await w.OpenAsync();

        var syt = await LineageAsync(c, "TNI.SYT", "2021-03", "pakn_total");
        var rows = await new MeasuresQuery(w.Database).ForAsync("TNI.SYT", "2021-03", lineage: true);

        // 13 % of LĐTBXH's 10 PAKN, rounded to a whole number, marked as an estimate with the unit's shares.
        Assert.Equal((1.0, 1L), (syt.Numerator, syt.IsEstimate));
        Assert.Equal("ước tính theo tỷ lệ: LAN.SLDTBXH 13 %; TNI.SLDTBXH 13 %", syt.EstimateNote);
        Assert.Equal(syt.EstimateNote, rows.Single(r => r.indicator == "pakn_total").estimate_note);
        Assert.Null(rows.Single(r => r.indicator == "received_total").estimate_note);
    }

    [ProviderFact]
    public async Task Lineage_HandReportedStocks_AreNotSummedAcrossPredecessors()
    {
        await using var w = await InitializedAsync();
        var ingest = new MeasureProbe(w).Ingest;
        await ingest.LoadFiguresAsync(File("figures", "f1", "2024-12-31T17:00:00"), Valid(
            new FigureRecord("TNI.TTPVHCC", "procedures_at_centre", "2024", 1650, null, null, "Báo cáo CCHC năm 2024", "I.2"),
            new FigureRecord("LAN.TTPVHCC", "procedures_at_centre", "2024", 1710, null, null, "Báo cáo CCHC năm 2024", "I.2"),
            new FigureRecord("TNI.TTPVHCC", "plan_tasks_total", "2024", 40, null, null, "Kế hoạch CCHC năm 2024", "III"),
            new FigureRecord("LAN.TTPVHCC", "plan_tasks_total", "2024", 35, null, null, "Kế hoạch CCHC năm 2024", "III")));
        await new MeasureProbe(w).BuildAsync();
        await using var c = await w.OpenAsync();

        Assert.Equal(1650.0, (await LineageAsync(c, "TNI.TTPVHCC", "2024", "procedures_at_centre")).Numerator);
        Assert.Equal(40.0, (await LineageAsync(c, "TNI.TTPVHCC", "2024", "plan_tasks_total")).Numerator);
    }

    /// <summary>The build writes the series (fact_indicator_lineage) for the periods it rebuilds: a later load of a
    /// predecessor's dossiers and PAKN, built from the rebuild queue alone, changes its successors' series, and every
    /// row is still what the recursive view of migration 011 computed.</summary>
    [ProviderFact]
    public async Task Lineage_PredecessorsDataLoadedLater_IncrementalBuildRewritesTheSuccessorsSeries()
    {
        await using var w = await InitializedAsync();
        var p = new MeasureProbe(w);
        await p.DossiersAsync(
            Done("SYT-1", "2021-03-01T08:00:00", "TNI.SYT"),
            In(Done("LD-BTXH", "2021-03-03T08:00:00", "TNI.SLDTBXH"), "BTXH", "1.001776"));
        await p.PaknAsync(Enumerable.Range(1, 10).Select(i =>
            Pakn($"LD-P{i}", "2021-03-02T08:00:00", handled: "2021-03-04T08:00:00", due: "2021-03-20T17:00:00", agency: "TNI.SLDTBXH")).ToArray());
        await p.BuildAsync();
        await p.DossiersAsync(
            Done("LAN-SYT-1", "2021-03-02T08:00:00", "LAN.SYT"),
            In(Done("LD-TREEM", "2021-03-04T08:00:00", "LAN.SLDTBXH"), "TREEM", "1.004946"),
            In(Done("LD-VL-1", "2021-03-05T08:00:00", "TNI.SLDTBXH"), "VIECLAM", "1.001978"));
        await p.PaknAsync(Enumerable.Range(11, 10).Select(i =>
            Pakn($"LD-P{i}", "2021-03-05T08:00:00", handled: "2021-03-06T08:00:00", due: "2021-03-20T17:00:00", agency: "TNI.SLDTBXH")).ToArray());
        var incremental = await p.BuildAsync(new BuildRequest());
        await using var c = await w.OpenAsync();
        await LineageOracle.CreateAsync(c, w.Database.Dialect.Name);

        Assert.False(incremental.NothingToDo);
        Assert.Equal(4.0, (await LineageAsync(c, "TNI.SYT", "2021-03", "received_total")).Numerator);
        Assert.Equal(4.0, (await LineageAsync(c, "TNI.SYT", "2021", "received_total")).Numerator);
        Assert.Equal(1.0, (await LineageAsync(c, "TNI.SNV", "2021-Q1", "received_total")).Numerator);
        // 13 % of LĐTBXH's 20 PAKN now: 2.6, rounded.
        var pakn = await LineageAsync(c, "TNI.SYT", "2021-03", "pakn_total");
        Assert.Equal((3.0, 1L, "ước tính theo tỷ lệ: LAN.SLDTBXH 13 %; TNI.SLDTBXH 13 %"), (pakn.Numerator, pakn.IsEstimate, pakn.EstimateNote));
        Assert.Equal((0L, 0L), await LineageOracle.DifferencesAsync(c));
    }

    [ProviderFact]
    public async Task Bieu06_AfterTheMerger_ListsNoEndedUnitAndTheSuccessorCarriesItsOpenDossiers()
    {
        await using var w = await InitializedAsync();
        var p = new MeasureProbe(w);
        await p.DossiersAsync(
            // Left open by Long An's home-affairs department (ended 01/07/2025) and by Long An's LĐTBXH (ended
            // 01/03/2025, children's field: Long An's Sở Y tế, then Tây Ninh's).
            Dossier("LAN-SNV-OPEN", "2025-06-20T08:00:00", due: "2025-09-30T17:00:00", status: 4, agency: "LAN.SNV"),
            In(Dossier("LAN-LD-OPEN", "2025-02-20T08:00:00", due: "2025-09-30T17:00:00", status: 4, agency: "LAN.SLDTBXH"), "TREEM", "1.004946"),
            Done("TNI-SNV-1", "2025-08-04T08:00:00", "TNI.SNV"),
            Done("TNI-SYT-1", "2025-08-05T08:00:00", "TNI.SYT"));
        await p.BuildAsync();

        var report = await new Bieu06Service(w.Database).BuildAsync("2025-08", provinceCode: "TNI");
        var units = report.Rows.Where(r => r.Kind == Bieu06RowKind.Unit).ToDictionary(r => r.AgencyCode!);
        var homeAffairs = await new Bieu06Service(w.Database).BuildAsync("2025-08", agencyCode: "TNI.SNV");

        Assert.Equal(["TNI.SNV", "TNI.SYT"], units.Keys.Order());
        Assert.Equal((2L, 1L, 1L), (units["TNI.SNV"].Counts.ReceivedTotal, units["TNI.SNV"].Counts.CarriedOver, units["TNI.SNV"].Counts.PendingTotal));
        Assert.Equal((2L, 1L), (units["TNI.SYT"].Counts.ReceivedTotal, units["TNI.SYT"].Counts.CarriedOver));
        Assert.Equal(units["TNI.SNV"].Counts, homeAffairs.Total.Counts);
        // Before the merger Long An's department still reports its own.
        var june = await new Bieu06Service(w.Database).BuildAsync("2025-06", provinceCode: "LAN");
        Assert.Contains(june.Rows, r => r.Kind == Bieu06RowKind.Unit && r.AgencyCode == "LAN.SNV");
    }

    private static async Task<LineageRow> LineageAsync(System.Data.Common.DbConnection c, string agency, string period, string indicator) =>
        await c.QuerySingleAsync<LineageRow>("""
            SELECT numerator AS Numerator, denominator AS Denominator, value AS Value, is_estimate AS IsEstimate, estimate_note AS EstimateNote
            FROM mart_indicator_lineage WHERE agency_code = @agency AND period_code = @period AND indicator_code = @indicator
            """, new { agency, period, indicator });

    private sealed class LineageRow
    {
        public double? Numerator { get; init; }
        public double? Denominator { get; init; }
        public double? Value { get; init; }
        public long IsEstimate { get; init; }
        public string? EstimateNote { get; init; }
    }
}
