using IndicatorWarehouse.Application.Alerts;
using IndicatorWarehouse.Application.DrillDown;
using IndicatorWarehouse.Application.Reports.Rankings;
using IndicatorWarehouse.Application.Reports.Reviews;
using IndicatorWarehouse.Application.Reports.Scorecards;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Server.Dashboards;
using IndicatorWarehouse.Tests.Support;
using IndicatorWarehouse.Warehouse.Queries;
using static IndicatorWarehouse.Tests.Support.Rows;

namespace IndicatorWarehouse.Tests.Application;

public sealed class SqliteReadQueryTests : ReadQueryTests<SqliteProvider>;
public sealed class SqlServerReadQueryTests : ReadQueryTests<SqlServerProvider>;

/// <summary>The reads behind the reports, the shipped dashboards, drill-down, Biểu 06 and alerts, on every provider: the same SQL has to give the
/// same figures whichever database holds the warehouse (timestamps are text on SQLite and datetime2 on SQL Server,
/// counts are int or bigint, dashboards pass their filters as parameters).</summary>
public abstract class ReadQueryTests<TProvider> : WarehouseTests<TProvider> where TProvider : WarehouseProvider, new()
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    [ProviderFact]
    public async Task Scorecard_MonthWithALateDossier_ListsItWithItsTimesAndTheDataAsOf()
    {
        await using var w = await LoadedAsync();

        var model = await new ScorecardQuery(w.Database, ReferenceFiles.Default()).LoadAsync("TNI.SYT", "2026-10", Today);

        var late = Assert.Single(model.Timeliness.LateDossiers);
        Assert.Equal(("TNI-LATE", At("2026-10-08T10:30:00"), new DateOnly(2026, 10, 6)), (late.Code, late.Ended, late.Deadline));
        Assert.Equal(At("2026-11-20T17:00:00"), model.Sources.DataAsOf);
        var onTime = model.Rates.Single(r => r.Figure.Indicator.Code == "on_time_rate_766").Figure;
        Assert.Equal((1.0, 2.0), (onTime.Numerator, onTime.Denominator));
    }

    [ProviderFact]
    public async Task Ranking_Month_RanksTheUnitWithItsOnTimeRate()
    {
        await using var w = await LoadedAsync();

        var model = await new RankingQuery(w.Database).LoadAsync("TNI", "2026-10", Today);

        var unit = model.Groups.SelectMany(g => g.Units).Single(u => u.Code == "TNI.SYT");
        Assert.Equal((50.0, 1), (unit.OnTime.Value, unit.OnTime.Rank));
        Assert.Equal(2.0, unit.Received);
    }

    [ProviderFact]
    public async Task Review_TwoYears_GivesTheUnitsYearlyValues()
    {
        await using var w = await LoadedAsync();

        var model = await new ReviewQuery(w.Database, ReferenceFiles.Default()).LoadAsync("TNI", 2025, 2026, Today);

        var onTime = model.Indicators.Single(i => i.Indicator.Code == "on_time_rate_766");
        Assert.Equal([100.0, 50.0], onTime.Units.Single(u => u.Code == "TNI.SYT").Years.Select(y => y.Value));
    }

    [ProviderFact]
    public async Task Dashboards_Shipped_EveryPanelRunsWithTheFiltersAsParameters()
    {
        await using var w = await LoadedAsync();
        var queries = new DashboardQueries(w.Database);
        var units = await queries.UnitsAsync();
        var query = new AdHocQuery(w.Database);

        var entries = new DashboardCatalog(RepoPaths.Of("dashboards")).All();

        Assert.NotEmpty(entries);
        foreach (var entry in entries)
        {
            var dashboard = entry.Dashboard ?? throw new Xunit.Sdk.XunitException($"{entry.Path}: {entry.Error}");
            var filter = DashboardFilter.Resolve(dashboard, dashboard.Filters.Contains("unit") ? "TNI.SYT" : null, "2025-01", "2026-10",
                units, await queries.LatestMonthAsync(), Today);
            var withRows = 0;
            foreach (var spec in dashboard.Panels.Where(p => p.RunsSql)) // a levers panel runs no query (DashboardPagesTests serve it)
            {
                var result = await query.RunAsync(spec.Sql, filter.Parameters, spec.MaxRows);
                if (result.Rows.Count == 0) continue; // a panel about what this small warehouse lacks (e.g. quarantine)
                withRows++;
                var panel = PanelBuilder.Build(spec, result);
                Assert.True(panel.Error is null, $"{entry.Slug} / {spec.Title}: {panel.Error}");
            }
            Assert.True(withRows > 0, $"{entry.Slug}: no panel found data");
        }
    }

    [ProviderFact]
    public async Task DrillDown_OnTimeRate_ListsTheMonthsDossiersWithTheLateOneOutsideTheNumerator()
    {
        await using var w = await LoadedAsync();

        var drill = await new DrillDownService(w.Database, ReferenceFiles.Default()).ForAsync("TNI.SYT", "2026-10", "on_time_rate_766");

        Assert.Equal((1, (int?)2), (drill.Numerator, drill.Denominator));
        var late = drill.Rows.Single(r => r.Code == "TNI-LATE");
        Assert.Equal((false, true, At("2026-10-01T08:00:00")), (late.InNumerator, late.InDenominator, late.ReceivedAt));
    }

    [ProviderFact]
    public async Task Bieu06_Month_CountsTheUnitsDossiersByOutcome()
    {
        await using var w = await LoadedAsync();
        await using var c = await w.OpenAsync();

        var line = Assert.Single(await new Bieu06Query(c).LinesAsync(20261001, 20261031, agency: "TNI.SYT"));

        Assert.Equal((2L, 2L, 1L, 1L, 0L), (line.Counts.ReceivedTotal, line.Counts.ProcessedTotal, line.Counts.ProcessedEarly,
            line.Counts.ProcessedLate, line.Counts.PendingTotal));
    }

    [ProviderFact]
    public async Task Alerts_DayBeforeADeadline_TellsTheDossierFallingDueAndTheSourceNeverLoaded()
    {
        await using var w = await LoadedAsync();

        // Monday 05/10/2026: TNI-LATE (due Tuesday) is still open; nothing of the digitization source was loaded.
        var alerts = await new AlertService(w.Database, ReferenceFiles.Default()).ForAsync(At("2026-10-05T09:00:00"), AlertRules.Default);

        var due = Assert.Single(alerts, a => a.Kind == "falling_due");
        Assert.Equal("TNI.SYT", due.AgencyCode);
        Assert.Contains("1 hồ sơ", due.Message);
        Assert.Contains(alerts, a => a.Kind == "stale_source" && a.Message.Contains("digitization"));
    }

    /// <summary>Tây Ninh's health department: one dossier in March 2025; in October 2026 one early and one late
    /// (due Tuesday 06/10, ended Thursday 08/10), one PAKN handled; built.</summary>
    private static async Task<ITestWarehouse> LoadedAsync()
    {
        var w = await InitializedAsync();
        var p = new MeasureProbe(w);
        await p.DossiersAsync(
            Dossier("TNI-2025", "2025-03-03T08:00:00", due: "2025-03-10T17:00:00", finished: "2025-03-04T08:00:00"),
            Dossier("TNI-EARLY", "2026-10-01T08:00:00", due: "2026-10-09T17:00:00", finished: "2026-10-05T09:00:00"),
            Dossier("TNI-LATE", "2026-10-01T08:00:00", due: "2026-10-06T17:00:00", finished: "2026-10-08T10:30:00"));
        await p.PaknAsync(Pakn("PAKN-1", "2026-10-02T08:00:00", handled: "2026-10-05T08:00:00", due: "2026-10-12T17:00:00"));
        await p.BuildAsync();
        return w;
    }
}
