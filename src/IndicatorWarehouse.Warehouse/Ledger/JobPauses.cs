using System.Globalization;
using Dapper;

namespace IndicatorWarehouse.Warehouse.Ledger;

/// <summary>Which scheduled jobs a person paused (<c>etl_job_pause</c>). Kept in the warehouse so that every server
/// and the <c>iw jobs</c> command see the same switch.</summary>
public sealed class JobPauses(WarehouseDatabase database)
{
    public async Task<IReadOnlySet<string>> PausedAsync(CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct);
        return (await c.QueryAsync<string>(new CommandDefinition("SELECT job FROM etl_job_pause", cancellationToken: ct))).ToHashSet();
    }

    public async Task<bool> IsPausedAsync(string job, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct);
        return await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM etl_job_pause WHERE job = @job", new { job }, cancellationToken: ct)) > 0;
    }

    public async Task PauseAsync(string job, string by, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO etl_job_pause (job, paused_at, paused_by) SELECT @job, @now, @by " +
            "WHERE NOT EXISTS (SELECT 1 FROM etl_job_pause WHERE job = @job)",
            new { job, by, now = database.Clock.Now.ToString("s", CultureInfo.InvariantCulture) }, cancellationToken: ct));
    }

    public async Task ResumeAsync(string job, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition("DELETE FROM etl_job_pause WHERE job = @job", new { job }, cancellationToken: ct));
    }
}
