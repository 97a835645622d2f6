using System.Globalization;
using Dapper;

namespace IndicatorWarehouse.Warehouse.Ledger;

/// <summary>One run as the ledger recorded it; <see cref="EndedAt"/> is null while it runs.</summary>
public sealed record LedgerRun(long RunId, string Job, string? Parameters, DateTime StartedAt, DateTime? EndedAt, string State, long? Rows, string? Error)
{
    public TimeSpan? Duration => EndedAt - StartedAt;
}

/// <summary>A run found "running" after its process had died, and when that was found.</summary>
public sealed record AbandonedRun(long RunId, string Job, DateTime StartedAt, DateTime FoundAt);

/// <summary>The states a run can be in, as <c>etl_run.state</c> spells them.</summary>
public static class RunState
{
    public const string Running = "running", Succeeded = "succeeded", Failed = "failed", Skipped = "skipped", Abandoned = "abandoned";
}

/// <summary>The run ledger (<c>etl_run</c>): every job run with its parameters, times, state, rows and error.
/// Written on its own connection so a failed run is recorded even when its work was rolled back.</summary>
public sealed class RunLedger(WarehouseDatabase database)
{
    public async Task<long> StartAsync(string job, string? parameters, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct);
        return await c.ExecuteScalarAsync<long>(
            "INSERT INTO etl_run (job, parameters, started_at, state, owner) VALUES (@job, @parameters, @now, 'running', @owner); " +
            database.Script("ledger/last_id.sql"), new { job, parameters, now = Now(), owner = RunOwner.Current });
    }

    /// <summary>Marks 'abandoned' every run still "running" whose process on this host is gone (killed, crashed, power
    /// cut), with the moment it was found as its end; returns them. Reads first and writes only when there is one, so
    /// a command on a read-only warehouse is not stopped by it.</summary>
    public async Task<IReadOnlyList<AbandonedRun>> MarkAbandonedAsync(CancellationToken ct = default)
    {
        List<(long RunId, string Job, object StartedAt, string Owner)> running;
        await using (var c = await database.OpenReadOnlyAsync(ct))
            running = (await c.QueryAsync<(long, string, object, string)>(new CommandDefinition(
                "SELECT run_id, job, started_at, owner FROM etl_run WHERE state = 'running' AND owner IS NOT NULL", cancellationToken: ct))).ToList();
        var dead = running.Where(r => RunOwner.IsDeadHere(r.Owner)).ToList();
        if (dead.Count == 0) return [];
        var now = Now();
        await using (var c = await database.OpenAsync(ct))
            foreach (var run in dead)
                await c.ExecuteAsync(new CommandDefinition(
                    "UPDATE etl_run SET state = 'abandoned', ended_at = @now, error = @error WHERE run_id = @RunId AND state = 'running'",
                    new { run.RunId, now, error = $"bỏ dở: tiến trình {run.Owner} đã dừng mà không ghi kết thúc / abandoned: its process ended without finishing the run" },
                    cancellationToken: ct));
        return dead.Select(r => new AbandonedRun(r.RunId, r.Job, Moment(r.StartedAt)!.Value, Moment(now)!.Value)).ToList();
    }

    public async Task FinishAsync(long runId, string state, long? rows, string? error, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct);
        await c.ExecuteAsync("UPDATE etl_run SET ended_at = @now, state = @state, rows = @rows, error = @error WHERE run_id = @runId",
            new { runId, state, rows, error, now = Now() });
    }

    /// <summary>The latest runs, newest first, of one job or of all; portable SQL has no row limit, so reading stops
    /// after <paramref name="count"/> rows.</summary>
    public async Task<IReadOnlyList<LedgerRun>> RecentAsync(string? job = null, int count = 50, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct);
        await using var reader = await c.ExecuteReaderAsync(new CommandDefinition(
            "SELECT run_id, job, parameters, started_at, ended_at, state, rows, error FROM etl_run" +
            (job is null ? "" : " WHERE job = @job") + " ORDER BY run_id DESC", new { job }, cancellationToken: ct));
        var runs = new List<LedgerRun>();
        while (runs.Count < count && await reader.ReadAsync(ct))
            runs.Add(new LedgerRun(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1),
                Nullable(reader, 2), Moment(reader.GetValue(3))!.Value, Moment(reader.GetValue(4)), reader.GetString(5),
                reader.IsDBNull(6) ? null : Convert.ToInt64(reader.GetValue(6), CultureInfo.InvariantCulture), Nullable(reader, 7)));
        return runs;
    }

    private static string? Nullable(System.Data.Common.DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    // SQLite keeps timestamps as ISO text, SQL Server as datetime2: both convert.
    private static DateTime? Moment(object value) => value is DBNull ? null : Convert.ToDateTime(value, CultureInfo.InvariantCulture);

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

    private string Now() => database.Clock.Now.ToString("s", CultureInfo.InvariantCulture);
}
