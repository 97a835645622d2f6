using System.Data.Common;
using Dapper;

namespace IndicatorWarehouse.Warehouse.Queries;

/// <summary>A source's latest snapshot with at least one row (for freshness alerts: an empty export is no sign of life).</summary>
public sealed record SourceFreshness
{
    public string source { get; init; } = "";
    public DateTime? latest_as_of { get; init; }
}

/// <summary>A job run that failed.</summary>
public sealed record FailedRun
{
    public string job { get; init; } = "";
    public string? parameters { get; init; }
    public DateTime started_at { get; init; }
    public string? error { get; init; }
}

/// <summary>A unit's figure that misses, or is at risk of missing, its target.</summary>
public sealed record MissedTarget
{
    public string agency_code { get; init; } = "";
    public string? agency_name { get; init; }
    public string indicator_code { get; init; } = "";
    public string? indicator_name_vi { get; init; }
    public string unit { get; init; } = "";
    public string period_code { get; init; } = "";
    public double? value { get; init; }
    public double target_value { get; init; }
    public string status { get; init; } = "";
}

/// <summary>A unit with open dossiers whose deadline falls on the given days.</summary>
public sealed record FallingDueCount
{
    public string agency_code { get; init; } = "";
    public string? agency_name { get; init; }
    public long dossiers { get; init; }
}

/// <summary>What the alerts look at, read from the warehouse in portable SQL.</summary>
public sealed class AlertQueries(DbConnection connection)
{
    public async Task<IReadOnlyList<SourceFreshness>> FreshnessAsync() => (await connection.QueryAsync<SourceFreshness>(
        "SELECT source, MAX(as_of) AS latest_as_of FROM etl_snapshot WHERE reverted_at IS NULL AND rows_read > 0 GROUP BY source")).ToList();

    public async Task<IReadOnlyList<FailedRun>> FailedRunsSinceAsync(DateTime since) => (await connection.QueryAsync<FailedRun>(
        "SELECT job, parameters, started_at, error FROM etl_run WHERE state = 'failed' AND started_at >= @since ORDER BY started_at DESC",
        new { since = IsoTime.Text(since) })).ToList();

    public async Task<IReadOnlyList<MissedTarget>> MissedTargetsAsync(string periodCode, IReadOnlyList<string> indicators) =>
        (await connection.QueryAsync<MissedTarget>("""
            SELECT s.agency_code, a.agency_name, s.indicator_code, i.name_vi AS indicator_name_vi, i.unit, s.period_code, s.value, s.target_value, s.status
            FROM fact_indicator_status s
            JOIN mart_agency a ON a.agency_code = s.agency_code
            JOIN dim_indicator i ON i.indicator_code = s.indicator_code
            WHERE s.period_code = @periodCode AND s.indicator_code IN @indicators AND s.status IN ('chua_dat', 'nguy_co')
            ORDER BY s.indicator_code, s.value
            """, new { periodCode, indicators })).ToList();

    public async Task<IReadOnlyList<FallingDueCount>> FallingDueAsync(int dayKey, IReadOnlyList<int> dueDays) =>
        (await connection.QueryAsync<FallingDueCount>($"""
            SELECT a.agency_code, MAX(a.agency_name) AS agency_name, COUNT(*) AS dossiers
            FROM fact_dossier d JOIN dim_agency a ON a.agency_key = d.agency_key
            WHERE {DossierScope.OpenOn("@dayKey")} AND d.deadline_date_key IN @dueDays
            GROUP BY a.agency_code
            ORDER BY COUNT(*) DESC, a.agency_code
            """, new { dayKey, dueDays })).ToList();
}
