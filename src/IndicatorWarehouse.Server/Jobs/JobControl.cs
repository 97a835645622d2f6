using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Ledger;
using Microsoft.Extensions.Logging.Abstractions;

namespace IndicatorWarehouse.Server.Jobs;

/// <summary>`iw jobs`: the jobs of a configuration seen and steered from the command line, through the same
/// warehouse tables the servers read (pauses, leases, ledger), so no server needs to be reachable.</summary>
public sealed class JobControl(JobCatalog catalog, JobRunner runner, WarehouseDatabase database, TimeZoneInfo zone, TimeProvider clock)
{
    public JobCatalog Catalog => catalog;

    public static JobControl From(ServeOptions options)
    {
        var database = options.Warehouse.Open(options.Clock);
        var catalog = JobCatalog.From(options.Config, database, options.Reference, options.Scorecards, new HttpClient());
        var runner = new JobRunner(database, new JobRetry(options.Config.Retry, database.Dialect),
            TimeSpan.FromMinutes(options.Config.LeaseMinutes), JobRunner.ThisProcess(), NullLogger.Instance);
        return new JobControl(catalog, runner, database, options.TimeZone, options.Clock);
    }

    public async Task<IReadOnlyList<JobStatus>> ListAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        return JobStatus.Of(catalog, await new RunLedger(database).RecentAsync(count: 500, ct: ct), await new JobPauses(database).PausedAsync(ct),
            new HashSet<string>(), name => JobCron.Next(catalog.Get(name).Cron, now, zone) is { } next ? TimeZoneInfo.ConvertTime(next, zone) : null);
    }

    /// <summary>Runs a job here and now, once, under the lease and in the ledger like a scheduled run: the work Hangfire's
    /// job does on a server, without the server (which need not be reachable, and on SQLite keeps its queue in memory).</summary>
    public Task<JobRunResult> RunAsync(string job, string? period, bool force, string by, CancellationToken ct = default) =>
        runner.RunAsync(catalog.Get(job), new JobTrigger(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime, by, period, force), ct);

    public Task PauseAsync(string job, string by, CancellationToken ct = default) =>
        new JobPauses(database).PauseAsync(catalog.Get(job).Name, by, ct);

    public Task ResumeAsync(string job, CancellationToken ct = default) =>
        new JobPauses(database).ResumeAsync(catalog.Get(job).Name, ct);

    public Task<IReadOnlyList<LedgerRun>> HistoryAsync(string? job, int count, CancellationToken ct = default) =>
        new RunLedger(database).RecentAsync(job is null ? null : catalog.Get(job).Name, count, ct);
}
