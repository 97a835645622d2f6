using Dapper;

namespace IndicatorWarehouse.Warehouse.Queries;

/// <summary>A unit as a filter lists it.</summary>
public sealed record UnitChoice(string Code, string Name, string Level);

/// <summary>What the dashboards' filters offer: the current units, and the latest month that has built values.</summary>
public sealed class DashboardQueries(WarehouseDatabase database)
{
    public async Task<IReadOnlyList<UnitChoice>> UnitsAsync(CancellationToken ct = default)
    {
        await using var c = await database.OpenReadOnlyAsync(ct);
        return (await c.QueryAsync<UnitChoice>(new CommandDefinition(
            "SELECT agency_code AS Code, agency_name AS Name, agency_level AS Level FROM mart_agency WHERE is_current = 1 " +
            "ORDER BY CASE agency_level WHEN 'province' THEN 0 WHEN 'department' THEN 1 WHEN 'centre' THEN 2 ELSE 3 END, agency_code",
            cancellationToken: ct))).ToList();
    }

    /// <summary>What the warehouse's figures are as of: the latest snapshot, how many were reverted, the latest build
    /// that succeeded. Pages made from the warehouse stay valid until it changes; every server on one warehouse reads
    /// the same value, so their caches turn over together.</summary>
    public async Task<string> VersionAsync(CancellationToken ct = default)
    {
        await using var c = await database.OpenReadOnlyAsync(ct);
        var (snapshot, reverted, build) = await c.QuerySingleAsync<(long?, long, long?)>(new CommandDefinition(
            "SELECT (SELECT MAX(snapshot_id) FROM etl_snapshot), (SELECT COUNT(reverted_at) FROM etl_snapshot), " +
            "(SELECT MAX(run_id) FROM etl_run WHERE job = 'build' AND state = 'succeeded')", cancellationToken: ct));
        return $"{snapshot}/{reverted}/{build}";
    }

    /// <summary>YYYY-MM of the latest calendar month with any indicator value, or null before the first build.</summary>
    public async Task<string?> LatestMonthAsync(CancellationToken ct = default)
    {
        await using var c = await database.OpenReadOnlyAsync(ct);
        // Months are few; probing each against the value table's (period_code, …) index beats scanning the values.
        return await c.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT MAX(p.period_code) FROM dim_period p WHERE p.grain = 'M' " +
            "AND EXISTS (SELECT 1 FROM fact_indicator_value v WHERE v.period_code = p.period_code)", cancellationToken: ct));
    }

    /// <summary>Whether the warehouse answers a query on a read-only connection (what <c>GET /health</c> reports).</summary>
    public async Task<bool> IsReachableAsync(CancellationToken ct = default)
    {
        try
        {
            await using var c = await database.OpenReadOnlyAsync(ct);
            await c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM etl_schema_version", cancellationToken: ct));
            return true;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or InvalidOperationException)
        {
            return false;
        }
    }
}
