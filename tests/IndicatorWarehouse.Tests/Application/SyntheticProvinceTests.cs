using Dapper;
using IndicatorWarehouse.Application.Build;
using IndicatorWarehouse.Application.Ingest;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Ingestion.Synthetic;
using IndicatorWarehouse.Tests.Support;

namespace IndicatorWarehouse.Tests.Application;

/// <summary>A synthetic province generated, ingested from its files and built, end to end on SQLite.</summary>
public sealed class SyntheticProvinceFixture : IAsyncLifetime
{
    public TempWarehouse Warehouse { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Warehouse = await TempWarehouse.InitializedAsync();
        var reference = ReferenceFiles.Default();
        var files = new SyntheticSourceGenerator(reference.Agencies(), reference.Lineage(), reference.Holidays())
            .Generate(Path.Combine(Warehouse.Directory, "sources"), new SyntheticOptions { Seed = 7, FirstYear = 2024, LastYear = 2026, DossiersPerYear = 4000 });
        var ingest = new IngestService(Warehouse.Database, reference);
        foreach (var file in files.Files.OrderBy(f => f.Source))
            await ingest.IngestFileAsync(file.Source, file.Path, files.AsOf);
        foreach (var targets in Directory.GetFiles(reference.PathOf("targets"), "*.csv"))
            await ingest.IngestFileAsync(IndicatorWarehouse.Ingestion.Records.SourceKind.Targets, targets);
        await new BuildService(Warehouse.Database, reference).BuildAsync(new BuildRequest(All: true));
    }

    public Task DisposeAsync() => Warehouse.DisposeAsync().AsTask();
}

public sealed class SyntheticProvinceTests(SyntheticProvinceFixture province) : IClassFixture<SyntheticProvinceFixture>
{
    private async Task<List<T>> QueryAsync<T>(string sql)
    {
        await using var c = await province.Warehouse.OpenAsync();
        return (await c.QueryAsync<T>(sql)).ToList();
    }

    /// <summary>Counts of one unit and period side by side, for identities across indicators.</summary>
    private const string Wide = """
        SELECT agency_code, period_code,
          MAX(CASE WHEN indicator_code = 'received_total' THEN numerator END) AS received_total,
          MAX(CASE WHEN indicator_code = 'received_online' THEN numerator END) AS received_online,
          MAX(CASE WHEN indicator_code = 'received_offline' THEN numerator END) AS received_offline,
          MAX(CASE WHEN indicator_code = 'carried_over' THEN numerator END) AS carried_over,
          MAX(CASE WHEN indicator_code = 'processed_total' THEN numerator END) AS processed_total,
          MAX(CASE WHEN indicator_code = 'processed_early' THEN numerator END) AS processed_early,
          MAX(CASE WHEN indicator_code = 'processed_on_time' THEN numerator END) AS processed_on_time,
          MAX(CASE WHEN indicator_code = 'processed_late' THEN numerator END) AS processed_late,
          MAX(CASE WHEN indicator_code = 'pending_total' THEN numerator END) AS pending_total,
          MAX(CASE WHEN indicator_code = 'pending_within_due' THEN numerator END) AS pending_within_due,
          MAX(CASE WHEN indicator_code = 'pending_overdue' THEN numerator END) AS pending_overdue
        FROM fact_indicator_value GROUP BY agency_code, period_code
        """;

    private sealed record Counts(string agency_code, string period_code, double received_total, double received_online, double received_offline,
        double carried_over, double processed_total, double processed_early, double processed_on_time, double processed_late,
        double pending_total, double pending_within_due, double pending_overdue);

    [Fact]
    public async Task Build_EveryUnitAndPeriod_CountsAreInternallyConsistent()
    {
        var rows = await QueryAsync<Counts>(Wide);

        Assert.True(rows.Count > 500, $"only {rows.Count} unit-periods built");
        foreach (var r in rows)
        {
            var where = $"{r.agency_code} {r.period_code}";
            Assert.True(r.processed_early + r.processed_on_time + r.processed_late == r.processed_total, $"{where}: early + on time + late ≠ processed");
            Assert.True(r.pending_within_due + r.pending_overdue == r.pending_total, $"{where}: within due + overdue ≠ pending");
            Assert.True(r.received_online + r.received_offline + r.carried_over == r.received_total, $"{where}: online + offline + carried over ≠ received");
            // Withdrawn/refused dossiers break received = processed + pending only by status 3, which is left out everywhere.
            Assert.True(r.processed_total + r.pending_total == r.received_total, $"{where}: processed + pending ≠ received");
        }
    }

    [Fact]
    public async Task Build_Rates_StayBetween0And100WithTheirNumeratorAndDenominator()
    {
        var rates = await QueryAsync<(string Code, double? Num, double? Den, double? Value)>(
            "SELECT v.indicator_code, v.numerator, v.denominator, v.value FROM fact_indicator_value v JOIN dim_indicator i ON i.indicator_code = v.indicator_code WHERE i.unit = 'percent'");

        Assert.NotEmpty(rates);
        foreach (var r in rates)
        {
            Assert.True(r.Num is not null && r.Den is not null, $"{r.Code}: a rate without numerator or denominator");
            Assert.True(r.Num <= r.Den && r.Num >= 0, $"{r.Code}: {r.Num}/{r.Den}");
            Assert.Equal(r.Den > 0 ? 100 * r.Num / r.Den : null, r.Value);
        }
    }

    [Fact]
    public async Task Build_Quarter_ReceivedInPeriodIsTheSumOfItsMonthsButCarriedOverIsNot()
    {
        var sums = await QueryAsync<(string Agency, double Quarter, double Months)>("""
            SELECT q.agency_code, q.received, SUM(m.received)
            FROM (SELECT agency_code, period_code, numerator - (SELECT c.numerator FROM fact_indicator_value c WHERE c.agency_code = v.agency_code
                          AND c.period_code = v.period_code AND c.indicator_code = 'carried_over') AS received
                  FROM fact_indicator_value v WHERE indicator_code = 'received_total' AND period_code = '2025-Q2') q
            JOIN (SELECT agency_code, period_code, numerator - (SELECT c.numerator FROM fact_indicator_value c WHERE c.agency_code = v.agency_code
                          AND c.period_code = v.period_code AND c.indicator_code = 'carried_over') AS received
                  FROM fact_indicator_value v WHERE indicator_code = 'received_total' AND period_code IN ('2025-04', '2025-05', '2025-06')) m
              ON m.agency_code = q.agency_code
            GROUP BY q.agency_code, q.received
            """);

        Assert.NotEmpty(sums);
        Assert.All(sums, s => Assert.Equal(s.Months, s.Quarter));
    }

    [Fact]
    public async Task Build_SyntheticProvince_IsPlausible()
    {
        var online = await QueryAsync<(string Period, double Num, double Den)>("""
            SELECT period_code, SUM(numerator), SUM(denominator) FROM fact_indicator_value
            WHERE indicator_code = 'online_rate' AND period_code IN ('2024', '2026') GROUP BY period_code ORDER BY period_code
            """);
        var onTime = await QueryAsync<(double Num, double Den)>(
            "SELECT SUM(numerator), SUM(denominator) FROM fact_indicator_value WHERE indicator_code = 'on_time_rate_766' AND period_code = '2025'");

        Assert.True(online[1].Num / online[1].Den > online[0].Num / online[0].Den, "the online share should rise from 2024 to 2026");
        Assert.InRange(onTime[0].Num / onTime[0].Den, 0.85, 1.0);
        // The shipped plans give Sở Y tế Tây Ninh targets from 2025 on: they must be assessed.
        var statuses = await QueryAsync<string>("SELECT DISTINCT status FROM fact_indicator_status WHERE agency_code = 'TNI.SYT'");
        Assert.NotEmpty(statuses);
        Assert.All(statuses, s => Assert.Contains(s, new[] { "dat", "chua_dat", "nguy_co", "khong_co_du_lieu", "chua_du_du_lieu" }));
        var scores = await QueryAsync<(double Score, double Max)>(
            "SELECT value, denominator FROM fact_indicator_value WHERE indicator_code = 'index766_total' AND period_code = '2025'");
        Assert.NotEmpty(scores);
        Assert.All(scores, s => Assert.InRange(s.Score, 0, s.Max));
    }

    /// <summary>The generator hands LĐTBXH's fields to their successors as agency_lineage_transfers.csv says, so the
    /// merged history of Sở Y tế is exactly its predecessors' dossiers plus LĐTBXH's in the fields that moved.</summary>
    [Fact]
    public async Task Lineage_HealthDepartment2024_IsItsPredecessorsDossiersPlusTheLabourFieldsThatMoved()
    {
        var merged = await QueryAsync<double>(
            "SELECT numerator FROM mart_indicator_lineage WHERE agency_code = 'TNI.SYT' AND period_code = '2024' AND indicator_code = 'received_total'");
        var dossiers = await QueryAsync<long>("""
            SELECT COUNT(*) FROM mart_dossier
            WHERE received_at < '2025-01-01' AND (end_date_key IS NULL OR end_date_key >= 20240101)
              AND (agency_code IN ('TNI.SYT', 'LAN.SYT')
                   OR (agency_code IN ('TNI.SLDTBXH', 'LAN.SLDTBXH') AND field_code IN ('BTXH', 'TREEM', 'TENANXH')))
            """);
        var moved = await QueryAsync<long>("""
            SELECT COUNT(*) FROM mart_dossier WHERE agency_code LIKE '%.SLDTBXH' AND field_code IN ('BTXH', 'TREEM', 'TENANXH')
            """);

        Assert.True(moved.Single() > 0, "no LĐTBXH dossier of a field that moved was generated");
        Assert.Equal(dossiers.Single(), Assert.Single(merged));
        // After the split, LĐTBXH no longer receives: its fields are handled by their successors.
        Assert.Empty(await QueryAsync<string>("SELECT dossier_code FROM mart_dossier WHERE agency_code LIKE '%.SLDTBXH' AND received_at >= '2025-03-01'"));
    }

    /// <summary>Issue 18: the series the build writes (fact_indicator_lineage, read by mart_indicator_lineage) is row
    /// for row what the recursive view of migration 011 computed at every read, over a whole province of every grain:
    /// Sở Y tế and Sở Nội vụ taking the slices of the split LĐTBXH, and the PAKN estimates with their shares.</summary>
    [Fact]
    public async Task Lineage_SeriesTheBuildWrites_IsTheRecursiveViewsRowForRow()
    {
        await using var c = await province.Warehouse.OpenAsync();
        await LineageOracle.CreateAsync(c, "sqlite");

        var (rows, fromSplit, estimates) = await c.QuerySingleAsync<(long, long, long)>("""
            SELECT COUNT(*),
                   SUM(CASE WHEN agency_code IN ('TNI.SYT', 'TNI.SNV') AND units_combined >= 3 THEN 1 ELSE 0 END),
                   SUM(CASE WHEN is_estimate = 1 AND estimate_note LIKE 'ước tính theo tỷ lệ: %SLDTBXH%' THEN 1 ELSE 0 END)
            FROM mart_indicator_lineage
            """);
        var notes = (await c.QueryAsync<string>(
            "SELECT DISTINCT estimate_note FROM mart_indicator_lineage WHERE agency_code = 'TNI.SYT' AND indicator_code = 'pakn_total' AND period_code = '2024'")).ToList();

        Assert.True(rows > 10_000, $"only {rows} rows in the lineage series");
        Assert.True(fromSplit > 0, "no series of Sở Y tế or Sở Nội vụ adds the split LĐTBXH");
        Assert.True(estimates > 0, "no PAKN estimate from the lineage shares");
        Assert.Equal(["ước tính theo tỷ lệ: LAN.SLDTBXH 13 %; TNI.SLDTBXH 13 %"], notes);
        Assert.Equal((0L, 0L), await LineageOracle.DifferencesAsync(c));
    }

    [Fact]
    public async Task Build_NoStatusSaysMetOnAPartial766Maximum_AndPartialOnesSayChuaDuDuLieu()
    {
        var rules = ReferenceFiles.Default().Index766Rules();
        var rows = await QueryAsync<(string Indicator, string Status, double Value, double ScoredMax)>("""
            SELECT s.indicator_code, s.status, v.value, v.denominator FROM fact_indicator_status s
            JOIN fact_indicator_value v ON v.agency_code = s.agency_code AND v.period_code = s.period_code AND v.indicator_code = s.indicator_code
            WHERE s.indicator_code LIKE 'index766%' AND v.value IS NOT NULL
            """);
        var partial = rows.Where(r => r.ScoredMax < rules.FullMaxOf(r.Indicator)!.Value).ToList();

        Assert.NotEmpty(partial);
        Assert.All(partial, r => Assert.Equal("chua_du_du_lieu", r.Status));
        // The stored value is the points earned, never scaled up to the full maximum.
        Assert.All(rows, r => Assert.InRange(r.Value, 0, r.ScoredMax));
    }

    [Fact]
    public async Task Build_UnitPeriodsWithPaknButNoDossiers_AreScoredByTheRulesForNoDossiers()
    {
        var rows = await QueryAsync<(double Received, double? Progress, double? ProgressMax)>("""
            SELECT r.numerator, p.value, p.denominator FROM fact_indicator_value r
            LEFT JOIN fact_indicator_value p ON p.agency_code = r.agency_code AND p.period_code = r.period_code AND p.indicator_code = 'index766_progress'
            WHERE r.indicator_code = 'received_total' AND r.numerator = 0
            """);

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal((0.0, 20.0), (r.Progress, r.ProgressMax)));
    }

    [Fact]
    public async Task Build_LateDossiers_AreProcessedLatePlusPendingOverdue()
    {
        var rows = await QueryAsync<(double Late, double ProcessedLate, double PendingOverdue)>("""
            SELECT l.numerator, pl.numerator, po.numerator FROM fact_indicator_value l
            JOIN fact_indicator_value pl ON pl.agency_code = l.agency_code AND pl.period_code = l.period_code AND pl.indicator_code = 'processed_late'
            JOIN fact_indicator_value po ON po.agency_code = l.agency_code AND po.period_code = l.period_code AND po.indicator_code = 'pending_overdue'
            WHERE l.indicator_code = 'late_dossiers'
            """);

        Assert.Contains(rows, r => r.PendingOverdue > 0);
        Assert.All(rows, r => Assert.Equal(r.ProcessedLate + r.PendingOverdue, r.Late));
    }
}
