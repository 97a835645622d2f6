using Dapper;
using IndicatorWarehouse.Application.Build;
using IndicatorWarehouse.Application.Ingest;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Ingestion.Synthetic;
using IndicatorWarehouse.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace IndicatorWarehouse.Tests.Clock;

/// <summary>The product's "now" is the data clock's, a fake one here that the tests move: past a month's end, a
/// year's end and the 15th (where the government's reporting months turn). The figures and statuses stored for the
/// data as of 20/11/2026 17:00 do not move with it; only what is loaded later, without an as-of, takes the clock's
/// time, read in the data's zone (Vietnam) whatever zone this machine is in.</summary>
public sealed class MovingClockTests : IAsyncLifetime
{
    private static readonly DateTime DataAsOf = new(2026, 11, 20, 17, 0, 0);
    private static readonly DateTimeOffset DataAsOfUtc = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(DataAsOfUtc);
    private TempWarehouse _w = null!;
    private readonly ReferenceFiles _reference = ReferenceFiles.Default();

    public async Task InitializeAsync()
    {
        _w = await TempWarehouse.InitializedAsync(_time);
        var files = new SyntheticSourceGenerator(_reference.Agencies(), _reference.Lineage(), _reference.Holidays())
            .Generate(Path.Combine(_w.Directory, "sources"), new SyntheticOptions { Seed = 3, FirstYear = 2025, LastYear = 2026, DossiersPerYear = 1500, AsOf = DataAsOf });
        foreach (var file in files.Files.OrderBy(f => f.Source))
            await Ingest().IngestFileAsync(file.Source, file.Path, files.AsOf);
        // The shipped targets, loaded as a person would: without an as-of.
        foreach (var targets in Directory.GetFiles(_reference.PathOf("targets"), "*.csv"))
            await Ingest().IngestFileAsync(SourceKind.Targets, targets);
        await BuildAsync(all: true);
    }

    public Task DisposeAsync() => _w.DisposeAsync().AsTask();

    private IngestService Ingest() => new(_w.Database, _reference);
    private Task BuildAsync(bool all = false) => new BuildService(_w.Database, _reference).BuildAsync(new BuildRequest(All: all));

    /// <summary>Every stored value but the build that wrote it, in one stable order.</summary>
    private async Task<List<string>> ValuesAsync()
    {
        await using var c = await _w.OpenAsync();
        return (await c.QueryAsync<(string, string, string, double?, double?, double?, string, long?)>(
                "SELECT agency_code, period_code, indicator_code, numerator, denominator, value, rule_version, rule_set_id " +
                "FROM fact_indicator_value WHERE agency_code <> 'BRV.SYT'"))
            .Select(v => v.ToString()).Order(StringComparer.Ordinal).ToList();
    }

    private async Task<List<string>> StatusesAsync()
    {
        await using var c = await _w.OpenAsync();
        return (await c.QueryAsync<(string, string, string, long, string, double?, double?, double?)>(
                "SELECT agency_code, period_code, indicator_code, target_id, status, value, gap, projected_value FROM fact_indicator_status"))
            .Select(v => v.ToString()).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Moves the clock to a moment given in Vietnam's time.</summary>
    private void MoveTo(DateTime vietnam) => _time.SetUtcNow(new DateTimeOffset(vietnam, TimeSpan.FromHours(7)));

    public static TheoryData<string, DateTime> Moments => new()
    {
        // 00:30 in Vietnam is still 17:30 of the day before in UTC: a host on UTC would read the old day.
        { "past November's end", new DateTime(2026, 12, 1, 0, 30, 0) },
        { "past the 15th, where reporting month R2026-12 ends", new DateTime(2026, 12, 15, 0, 30, 0) },
        { "past the year's end", new DateTime(2027, 1, 1, 0, 30, 0) },
    };

    [Theory]
    [MemberData(nameof(Moments))]
    public async Task Rebuild_AfterTheClockMoved_StoredFiguresAndStatusesDoNotChange(string when, DateTime vietnam)
    {
        var values = await ValuesAsync();
        var statuses = await StatusesAsync();
        Assert.NotEmpty(statuses);

        MoveTo(vietnam);
        var figures = await Ingest().IngestFileAsync(SourceKind.Figures, _reference.PathOf("figures/brv-syt-bao-cao-cchc-2022-q1.csv"));
        await BuildAsync();
        await BuildAsync(all: true);

        Assert.True(values.SequenceEqual(await ValuesAsync()), when);
        Assert.True(statuses.SequenceEqual(await StatusesAsync()), when);
        await using var c = await _w.OpenAsync();
        // The figures took the clock's time, in Vietnam's zone; no period after the data's November was made.
        Assert.Equal(vietnam, await c.ExecuteScalarAsync<DateTime>("SELECT as_of FROM etl_snapshot WHERE snapshot_id = @SnapshotId", figures));
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM fact_indicator_value WHERE period_code IN ('2026-12', '2027-01', 'R2027-01')"));
    }

    [Fact]
    public async Task Rebuild_AMonthLater_WritesByteIdenticalIndicatorValues()
    {
        var values = await ValuesAsync();

        _time.Advance(TimeSpan.FromDays(31));
        await BuildAsync(all: true);

        Assert.Equal(values, await ValuesAsync());
    }

    [Fact]
    public async Task Build_OpenPeriods_OverdueStockIsWhatTheQuickReportCallsOverdueOnTheAsOfDay()
    {
        await using var c = await _w.OpenAsync();
        var stocks = (await c.QueryAsync<(string Agency, string Period, double Overdue)>(
                "SELECT agency_code, period_code, numerator FROM fact_indicator_value WHERE indicator_code = 'pending_overdue' " +
                "AND period_code IN ('2026-11', 'R2026-12', '2026-Q4', '2026')"))
            .ToLookup(s => s.Agency);
        var quick = new IndicatorWarehouse.Application.QuickReport.QuickReportService(_w.Database, _reference);

        Assert.True(stocks.Count > 10);
        var overdueSomewhere = 0L;
        foreach (var unit in stocks)
        {
            var report = await quick.BuildAsync(unit.Key, DateOnly.FromDateTime(DataAsOf));
            // Every open period holds the stock as at 20/11, the day the unit's own quick report counts.
            Assert.All(unit, s => Assert.Equal(report.Dossiers.PendingOverdue, (long)s.Overdue));
            overdueSomewhere += report.Dossiers.PendingOverdue;
        }
        Assert.True(overdueSomewhere > 0);
        // October is closed: its stock is the one at 31/10, which the quick report of that day counts too.
        var october = await c.ExecuteScalarAsync<double>(
            "SELECT numerator FROM fact_indicator_value WHERE indicator_code = 'pending_overdue' AND period_code = '2026-10' AND agency_code = 'TNI.SYT'");
        Assert.Equal((await quick.BuildAsync("TNI.SYT", new DateOnly(2026, 10, 31))).Dossiers.PendingOverdue, (long)october);
    }

    [Fact]
    public async Task Ingest_AsOfLaterThanNow_IsRefusedNamingTheDataClock()
    {
        var file = _reference.PathOf("figures/brv-syt-bao-cao-cchc-2022-q1.csv");

        var refused = await Assert.ThrowsAsync<ArgumentException>(() =>
            Ingest().IngestFileAsync(SourceKind.Figures, file, DataAsOf.AddMinutes(1)));
        var loaded = await Ingest().IngestFileAsync(SourceKind.Figures, file, DataAsOf);

        Assert.Contains("--as-of 20/11/2026 17:01 là thời điểm trong tương lai (bây giờ là 20/11/2026 17:00 theo giờ Asia/Ho_Chi_Minh)", refused.Message);
        Assert.False(loaded.AlreadyLoaded);
    }

    [Fact]
    public async Task Ingest_WithoutAsOf_ADossierOfTheLastHoursIsNotQuarantined()
    {
        // 16:30 in Vietnam, loaded at 17:00 Vietnam (10:00 UTC) without an as-of: on a host set to UTC the old default
        // ("now" in the host's zone, 10:00) put it 6½ hours after the snapshot and quarantined it.
        var path = Path.Combine(_w.Directory, "late-afternoon.csv");
        var sample = File.ReadAllLines(_reference.PathOf("samples/onestop.csv"));
        await File.WriteAllLinesAsync(path, [sample[0],
            "TNI.SYT-CLOCK-1,1.004595,Cấp giấy phép hành nghề,KCB,\"Khám bệnh, chữa bệnh\",TNI.SYT,Sở Y tế Tây Ninh,1," +
            "2026-11-20T16:30:00,2026-11-27T17:00:00,,,4,2,toan_trinh,,,,,,,"]);

        var result = await Ingest().IngestFileAsync(SourceKind.Onestop, path);

        Assert.Equal((1L, 0L), (result.Inserted, result.Quarantined));
    }
}
