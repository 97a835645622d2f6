using System.Globalization;
using Dapper;

namespace IndicatorWarehouse.Warehouse.Ledger;

/// <summary>The lease of a job for one period (<c>etl_job_lease</c>): whoever takes it runs the job, everyone else
/// leaves it alone. A completed lease marks the period done; a running one expires so a dead holder frees it.</summary>
public sealed class JobLease(WarehouseDatabase database, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? database.Clock.Time;

    /// <summary>Every lease time on the data's clock: one renewed or read on the host's would expire hours early or late.</summary>
    private DateTime Now() => database.Clock.ToDataTime(_clock.GetUtcNow());

    /// <summary>True when <paramref name="holder"/> now holds the lease. <paramref name="force"/> takes over a
    /// completed period (a deliberate re-run), never one that another holder is still running.</summary>
    public async Task<bool> TryAcquireAsync(string job, string period, string holder, TimeSpan timeToLive, bool force = false,
        CancellationToken ct = default)
    {
        var now = Now();
        var args = new { job, period, holder, now = Text(now), expires = Text(now + timeToLive), force = force ? 1 : 0 };
        var steps = SqlScripts.Steps(database.Dialect.Name, "ledger/lease_acquire.sql");
        await using var c = await database.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var taken = await c.ExecuteAsync(new CommandDefinition(steps["take_over"], args, tx, cancellationToken: ct)) == 1
                    || await c.ExecuteAsync(new CommandDefinition(steps["claim"], args, tx, cancellationToken: ct)) == 1;
        await tx.CommitAsync(ct);
        return taken;
    }

    /// <summary>Marks the period done by the run that held the lease.</summary>
    public async Task CompleteAsync(string job, string period, string holder, long runId, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE etl_job_lease SET completed_at = @now, run_id = @runId WHERE job = @job AND period = @period AND holder = @holder",
            new { job, period, holder, runId, now = Text(Now()) }, cancellationToken: ct));
    }

    /// <summary>Keeps a running lease alive while its holder works: a holder that stops renewing (its server was killed)
    /// loses the lease once it expires.</summary>
    public async Task RenewAsync(string job, string period, string holder, TimeSpan timeToLive, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE etl_job_lease SET expires_at = @expires WHERE job = @job AND period = @period AND holder = @holder AND completed_at IS NULL",
            new { job, period, holder, expires = Text(Now() + timeToLive) }, cancellationToken: ct));
    }

    /// <summary>Whether the period has a lease at all: done, or running somewhere.</summary>
    public async Task<bool> ExistsAsync(string job, string period, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct);
        return await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM etl_job_lease WHERE job = @job AND period = @period", new { job, period }, cancellationToken: ct)) > 0;
    }

    /// <summary>Whether someone is running the period under a lease that has not expired.</summary>
    public async Task<bool> IsRunningAsync(string job, string period, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct);
        return await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM etl_job_lease WHERE job = @job AND period = @period AND completed_at IS NULL AND expires_at >= @now",
            new { job, period, now = Text(Now()) }, cancellationToken: ct)) > 0;
    }

    /// <summary>Gives the period back after a failed run, so a later run (or another server) may try again.</summary>
    public async Task ReleaseAsync(string job, string period, string holder, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            "DELETE FROM etl_job_lease WHERE job = @job AND period = @period AND holder = @holder AND completed_at IS NULL",
            new { job, period, holder }, cancellationToken: ct));
    }

    private static string Text(DateTime t) => t.ToString("s", CultureInfo.InvariantCulture);
}
