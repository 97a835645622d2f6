using IndicatorWarehouse.Warehouse.Ledger;

namespace IndicatorWarehouse.Server.Jobs;

/// <summary>A job as the jobs page and <c>iw jobs list</c> show it: schedule, next firing, paused or running, and its
/// latest run and latest failure from the ledger.</summary>
public sealed record JobStatus(JobDefinition Job, DateTimeOffset? NextFire, bool Paused, bool Running, LedgerRun? LastRun, LedgerRun? LastFailure)
{
    /// <summary>Status of every job of the catalog from the latest <paramref name="recent"/> ledger rows.</summary>
    public static IReadOnlyList<JobStatus> Of(JobCatalog catalog, IReadOnlyList<LedgerRun> recent, IReadOnlySet<string> paused,
        IReadOnlySet<string> running, Func<string, DateTimeOffset?> nextFire) =>
        catalog.All.Select(job => new JobStatus(job, nextFire(job.Name), paused.Contains(job.Name), running.Contains(job.Name),
            recent.FirstOrDefault(r => r.Job == job.Name),
            recent.FirstOrDefault(r => r.Job == job.Name && r.State == RunState.Failed))).ToList();
}
