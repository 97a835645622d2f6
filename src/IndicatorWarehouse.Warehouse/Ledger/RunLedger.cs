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

    private static string Now() => DateTime.Now.ToString("s", CultureInfo.InvariantCulture);
}
