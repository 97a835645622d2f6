using Dapper;
using IndicatorWarehouse.Application.Build;
using IndicatorWarehouse.Application.Exports;
using IndicatorWarehouse.Application.Measures;
using IndicatorWarehouse.Application.Ingest;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Tests.Support;
using static IndicatorWarehouse.Tests.Support.Rows;

namespace IndicatorWarehouse.Tests.Clock;

public sealed class SqliteDataClockTests : DataClockTests<SqliteProvider>;
public sealed class SqlServerDataClockTests : DataClockTests<SqlServerProvider>;

/// <summary>The data's own clock: a period is open or closed by the as-of of the measured sources (one-stop, PAKN,
/// digitization) alone. Targets and figures reported by hand carry no clock, whenever they are loaded.</summary>
public abstract class DataClockTests<TProvider> : WarehouseTests<TProvider> where TProvider : WarehouseProvider, new()
{
    private const string DataAsOf = "2026-11-20T17:00:00";
    /// <summary>A fortnight after the data: when someone loads targets or figures without saying as of when.</summary>
    private const string Later = "2026-12-07T09:00:00";

    private static IngestService Ingest(ITestWarehouse w) => new(w.Database, ReferenceFiles.Default());
    private static Task BuildAsync(ITestWarehouse w, bool all = false) =>
        new BuildService(w.Database, ReferenceFiles.Default()).BuildAsync(new BuildRequest(All: all));

    private static TargetRecord Target(string indicator, string comparator, double value) =>
        new("TNI.SYT", indicator, "2026", comparator, value, "Kế hoạch 12/KH-SYT", "II.1");

    /// <summary>November 2026 of one unit: one dossier finished late, one pending and due after the as-of day, one
    /// pending and overdue since the 13th; two PAKN still open, one past its deadline.</summary>
    private static async Task<ITestWarehouse> NovemberAsync(string targetsAsOf)
    {
        var w = await InitializedAsync();
        await Ingest(w).LoadDossiersAsync(File(hash: "d1", asOf: DataAsOf), Valid(
            Dossier("D1", "2026-11-02T08:00:00", due: "2026-11-05T17:00:00", finished: "2026-11-06T10:00:00"),
            Dossier("D2", "2026-11-10T08:00:00", due: "2026-11-25T17:00:00"),
            Dossier("D3", "2026-10-10T08:00:00", due: "2026-10-20T17:00:00", finished: "2026-10-19T10:00:00"),
            Dossier("D4", "2026-11-03T08:00:00", due: "2026-11-12T17:00:00")));
        await Ingest(w).LoadPaknAsync(File("pakn", "k1", DataAsOf), Valid(
            Pakn("K1", "2026-11-16T09:00:00", due: "2026-11-26T17:00:00"), Pakn("K2", "2026-10-20T09:00:00", due: "2026-11-10T17:00:00")));
        await Ingest(w).LoadTargetsAsync(File("targets", "t1", targetsAsOf), Valid(
            Target("processed_late", "=", 0), Target("on_time_rate_766", ">=", 90)));
        await BuildAsync(w, all: true);
        return w;
    }

    private static async Task<List<string>> StatusesAsync(ITestWarehouse w)
    {
        await using var c = await w.OpenAsync();
        return (await c.QueryAsync<(string Agency, string Period, string Indicator, string Status, double? Value, double? Projected)>(
                "SELECT agency_code, period_code, indicator_code, status, value, projected_value FROM fact_indicator_status"))
            .Select(s => $"{s.Agency} {s.Period} {s.Indicator} {s.Status} {s.Value} {s.Projected}").Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<List<string>> PeriodsBuiltAsync(ITestWarehouse w)
    {
        await using var c = await w.OpenAsync();
        return (await c.QueryAsync<string>("SELECT DISTINCT period_code FROM fact_indicator_value ORDER BY period_code")).ToList();
    }

    [ProviderFact]
    public async Task Build_OpenMonth_JudgesPendingDossiersAndPaknAtTheAsOfDayNotAtTheMonthsEnd()
    {
        await using var w = await NovemberAsync(targetsAsOf: DataAsOf);

        // D2 falls due on 25/11, K1 on 26/11: after the data's day, so neither is overdue yet, in any open period.
        foreach (var period in new[] { "2026-11", "R2026-12", "2026-Q4", "2026" })
        {
            var values = await new MeasureProbe(w).ValuesAsync(period);
            Assert.Equal((1.0, 1.0), (values["pending_overdue"].Num!.Value, values["pending_within_due"].Num!.Value));
            Assert.Equal(1.0, values["pakn_late"].Num);
        }
        var november = await new MeasureProbe(w).ValuesAsync("2026-11");
        // On time: D2 pending within due; not D1 (late) nor D4 (overdue). 1 of 3 open in November.
        Assert.Equal((1.0, 3.0), (november["on_time_rate_766"].Num!.Value, november["on_time_rate_766"].Den!.Value));
    }

    [ProviderFact]
    public async Task Bieu06AndMeasures_OpenMonth_CountAtTheAsOfDayAndSayProvisional()
    {
        await using var w = await NovemberAsync(targetsAsOf: DataAsOf);

        var november = await new Bieu06Service(w.Database).BuildAsync("2026-11", agencyCode: "TNI.SYT");
        var october = await new Bieu06Service(w.Database).BuildAsync("2026-10", agencyCode: "TNI.SYT");
        var measures = new MeasuresQuery(w.Database);
        var table = new StringWriter();
        MeasuresFormatter.Write(await measures.ForAsync("TNI.SYT", "2026-11"), "table", table, provisionalMark: await measures.ProvisionalMarkAsync("2026-11"));

        Assert.Equal((1L, 1L), (november.Total.Counts.PendingOverdue, november.Total.Counts.PendingWithinDue));
        Assert.Equal("tạm tính đến 20/11/2026", november.ProvisionalMark);
        Assert.EndsWith("— TẠM TÍNH ĐẾN 20/11/2026 (kỳ chưa kết thúc)", november.AsOfLine);
        Assert.Null(october.ProvisionalMark);
        Assert.StartsWith("Số liệu tạm tính đến 20/11/2026", table.ToString());
        Assert.Null(await measures.ProvisionalMarkAsync("2026-10"));
        // The reporting month R2026-12 (15/11–14/12) is open too; R2026-11 ended on 14/11.
        Assert.NotNull(await measures.ProvisionalMarkAsync("R2026-12"));
        Assert.Null(await measures.ProvisionalMarkAsync("R2026-11"));
    }

    [ProviderFact]
    public async Task Build_OpenPeriodCountAlreadyAboveAZeroTarget_IsNotMetForGood()
    {
        await using var w = await NovemberAsync(targetsAsOf: DataAsOf);

        await using var c = await w.OpenAsync();
        var statuses = (await c.QueryAsync<(string Period, string Status)>(
            "SELECT period_code, status FROM fact_indicator_status WHERE indicator_code = 'processed_late'")).ToDictionary();
        // One dossier finished late in November: "no late dossier in 2026" is missed for the month, the quarter and
        // the year, though all three are still open — no later month can undo it.
        Assert.Equal("chua_dat", statuses["2026-11"]);
        Assert.Equal("chua_dat", statuses["2026-Q4"]);
        Assert.Equal("chua_dat", statuses["2026"]);
        Assert.Equal("dat", statuses["2026-10"]);
    }

    [ProviderFact]
    public async Task Build_TargetsLoadedAfterTheData_JudgeTheOpenMonthAsOpen()
    {
        await using var onTime = await NovemberAsync(targetsAsOf: DataAsOf);
        await using var later = await NovemberAsync(targetsAsOf: Later);

        Assert.NotEmpty(await StatusesAsync(onTime));
        Assert.Equal(await StatusesAsync(onTime), await StatusesAsync(later));
        Assert.Equal(await PeriodsBuiltAsync(onTime), await PeriodsBuiltAsync(later));
    }

    [ProviderFact]
    public async Task Build_FiguresLoadedWithoutTheDataClock_ChangeNoStatusAndCreateNoLaterPeriod()
    {
        await using var w = await NovemberAsync(targetsAsOf: DataAsOf);
        var before = await StatusesAsync(w);
        var periodsBefore = await PeriodsBuiltAsync(w);

        await Ingest(w).LoadFiguresAsync(File("figures", "f1", Later), Valid(
            new FigureRecord("TNI.SYT", "procedures_at_centre", "2026-Q4", 120, null, null, "Báo cáo CCHC quý IV/2026", "II.2")));
        await BuildAsync(w);
        await BuildAsync(w, all: true);

        Assert.Equal(before, await StatusesAsync(w));
        // The figure's quarter was already built (from the dossiers); nothing after the data's month appears.
        Assert.Equal(periodsBefore, await PeriodsBuiltAsync(w));
        Assert.DoesNotContain("2026-12", periodsBefore);
        Assert.Contains("2026-11", periodsBefore);
    }
}
