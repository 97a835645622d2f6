namespace IndicatorWarehouse.Server.Jobs;

/// <summary>A scheduled job: its name (as <c>iw jobs</c>, the ledger and Hangfire spell it), a Vietnamese title, its
/// cron schedule, how a run names its period, and the work it does.</summary>
public sealed record JobDefinition(string Name, string Title, string Cron, JobPeriod Period, IJobWork Work);

/// <summary>What a job does for one period.</summary>
public interface IJobWork
{
    Task<JobWorkResult> RunAsync(string period, CancellationToken ct);
}

/// <summary>What a run did. <see cref="DidWork"/> false: it found nothing new and changed nothing (ledger state skipped).</summary>
public sealed record JobWorkResult(bool DidWork, long Rows, string Summary)
{
    public static JobWorkResult NothingNew(string why) => new(false, 0, why);
}

/// <summary>The whole run failed because the data was bad; retrying cannot help, a person must fix the source.</summary>
public sealed class JobDataRejectedException(string message) : Exception(message);
