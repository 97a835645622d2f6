using Dapper;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Domain.Calendar;
using IndicatorWarehouse.Domain.Periods;
using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Build;
using IndicatorWarehouse.Warehouse.Ledger;
using IndicatorWarehouse.Warehouse.Queries;
using IndicatorWarehouse.Warehouse.Rules;

namespace IndicatorWarehouse.Application.Build;

/// <summary>What to rebuild: explicit months, everything, or (neither) what loads changed since the last build.</summary>
public sealed record BuildRequest(string? FromMonth = null, string? ToMonth = null, bool All = false);

/// <summary>What a build did: the date range and periods rebuilt, values written, how long it took, and the periods
/// it re-scored under other rules than those that had made their values.</summary>
public sealed record BuildReport(DateOnly? From, DateOnly? To, int Periods, long Values, TimeSpan Elapsed, RulesRescore? Rescore = null)
{
    public bool NothingToDo => From is null;
}

/// <summary>`iw build`: recomputes the measures of the periods touched, then the 766 scores and the target
/// status derived from them, in one transaction, and records the run in the ledger. Every value carries the rule set
/// that made it; periods whose values another set had made are recorded as re-scored in the same transaction
/// (<c>etl_rule_rescore</c>), so no build rewrites figures under new rules without saying so.</summary>
public sealed class BuildService(WarehouseDatabase database, ReferenceFiles reference)
{
    public async Task<BuildReport> BuildAsync(BuildRequest request, CancellationToken ct = default)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var ledger = new RunLedger(database);
        var runId = await ledger.StartAsync("build", $"from={request.FromMonth};to={request.ToMonth};all={request.All}", ct);
        try
        {
            await using var connection = await database.OpenAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var range = await RangeAsync(connection, tx, request);
            if (range is not var (from, to, asOf, lastQueued))
            {
                await tx.CommitAsync(ct);
                await ledger.FinishAsync(runId, "skipped", 0, null, ct);
                return new BuildReport(null, null, 0, 0, clock.Elapsed);
            }

            var ruleSetId = await RuleSetStore.EnsureAsync(connection, tx, reference.RuleFiles(), "build", database.Clock.Now, ct);
            var rescore = await RulesRescore.FindAsync(connection, tx, MeasureBuilder.PeriodsOf(from, to), ruleSetId, runId, ct);
            var periods = await new MeasureBuilder(database).BuildAsync(connection, tx, from, to, asOf, runId, reference.Indicators().RuleVersion, ruleSetId, ct);
            await new DerivedMeasures(connection, tx, reference).WriteAsync(periods, runId, ruleSetId, ct);
            if (rescore is not null) await rescore.RecordAsync(connection, tx, ct);
            await connection.ExecuteAsync("DELETE FROM etl_rebuild_queue WHERE queue_id <= @lastQueued", new { lastQueued }, tx);
            var values = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM fact_indicator_value WHERE build_id = @runId", new { runId }, tx);
            await tx.CommitAsync(ct);
            await ledger.FinishAsync(runId, "succeeded", values, null, ct);
            return new BuildReport(from, to, periods.Count, values, clock.Elapsed, rescore);
        }
        catch (Exception e)
        {
            await ledger.FinishAsync(runId, "failed", null, e.Message, CancellationToken.None);
            throw;
        }
    }

    private static async Task<(DateOnly From, DateOnly To, DateOnly AsOf, long LastQueued)?> RangeAsync(
        System.Data.Common.DbConnection c, System.Data.Common.DbTransaction tx, BuildRequest request)
    {
        var lastQueued = await c.ExecuteScalarAsync<long?>("SELECT MAX(queue_id) FROM etl_rebuild_queue", transaction: tx) ?? 0;
        if (await LastDayAsync(c, tx) is not { } lastDay) return null;

        (DateOnly From, DateOnly To)? range;
        if (request.FromMonth is not null || request.ToMonth is not null)
        {
            var from = Month(request.FromMonth ?? request.ToMonth!).Start;
            var to = Month(request.ToMonth ?? request.FromMonth!).End;
            if (to < from) throw new ArgumentException($"--to {request.ToMonth} is before --from {request.FromMonth}.");
            range = (from, to);
        }
        else if (!request.All)
        {
            var queued = await c.QuerySingleAsync<(long? From, long? To)>(
                "SELECT MIN(from_date_key), MAX(to_date_key) FROM etl_rebuild_queue", transaction: tx);
            range = queued.From is null ? null : (DateKey.ToDate((int)queued.From.Value), DateKey.ToDate((int)queued.To!.Value));
        }
        else
        {
            // Everything: from the first dossier (or the first period a figure was reported for) to the data's as-of
            // day, so dossiers still pending are counted up to then.
            var first = await c.ExecuteScalarAsync<long?>(
                "SELECT MIN(k) FROM (SELECT MIN(received_date_key) AS k FROM fact_dossier " +
                "UNION ALL SELECT MIN(p.start_key) FROM fact_figure f JOIN dim_period p ON p.period_code = f.period_code) firsts", transaction: tx);
            range = first is null ? null : (DateKey.ToDate((int)first.Value), lastDay);
        }
        // No build creates a period that starts after the data.
        if (range is not var (start, end) || start > lastDay) return null;
        return (start, end < lastDay ? end : lastDay, lastDay, lastQueued);
    }

    /// <summary>The last day the data reaches: the as-of day of the measured sources; without them (a warehouse of
    /// figures reported by hand alone, which carry no clock) the end of the last period a figure was reported for.</summary>
    private static async Task<DateOnly?> LastDayAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction tx)
    {
        if (await SnapshotQueries.DataAsOfAsync(c, tx) is { } asOf) return DateOnly.FromDateTime(asOf);
        var lastFigure = await c.ExecuteScalarAsync<long?>(
            "SELECT MAX(p.end_key) FROM fact_figure f JOIN dim_period p ON p.period_code = f.period_code", transaction: tx);
        return lastFigure is { } key ? DateKey.ToDate((int)key) : null;
    }

    private static Period Month(string yyyyMm) => Period.TryParse(yyyyMm, out var p) && p.Grain == Grain.Month
        ? p : throw new FormatException($"'{yyyyMm}' is not a month: use YYYY-MM, e.g. 2026-10.");
}
