using System.Globalization;
using Dapper;

namespace IndicatorWarehouse.Warehouse.Ledger;

/// <summary>The run ledger (<c>etl_run</c>): every job run with its parameters, times, state, rows and error.
/// Written on its own connection so a failed run is recorded even when its work was rolled back.</summary>
public sealed class RunLedger(WarehouseDatabase database)
{
    public async Task<long> StartAsync(string job, string? parameters, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct);
        return await c.ExecuteScalarAsync<long>(
            "INSERT INTO etl_run (job, parameters, started_at, state) VALUES (@job, @parameters, @now, 'running'); " +
            database.Script("ledger/last_id.sql"), new { job, parameters, now = Now() });
    }

    public async Task FinishAsync(long runId, string state, long? rows, string? error, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct);
        await c.ExecuteAsync("UPDATE etl_run SET ended_at = @now, state = @state, rows = @rows, error = @error WHERE run_id = @runId",
            new { runId, state, rows, error, now = Now() });
    }

    /// <summary>Records a run that is already over, in one row: for work that must not find its own entry still
    /// 'running' (a backup would carry it into the copy; a restore replaces the file the entry was in).</summary>
    public async Task RecordAsync(string job, string? parameters, DateTime startedAt, string state, long? rows, string? error,
        CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct);
        await c.ExecuteAsync(
            "INSERT INTO etl_run (job, parameters, started_at, ended_at, state, rows, error) " +
            "VALUES (@job, @parameters, @startedAt, @now, @state, @rows, @error)",
            new { job, parameters, startedAt = startedAt.ToString("s", CultureInfo.InvariantCulture), now = Now(), state, rows, error });
    }

    private static string Now() => DateTime.Now.ToString("s", CultureInfo.InvariantCulture);
}
