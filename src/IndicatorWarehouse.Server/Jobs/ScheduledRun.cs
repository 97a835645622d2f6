using Hangfire;
using Hangfire.Server;

namespace IndicatorWarehouse.Server.Jobs;

/// <summary>The one job Hangfire knows: run job <c>job</c> of the configuration, for <c>period</c> (null: the period of
/// the firing) as <c>by</c> asked. Its arguments are all it stores, small and stable, so a job queued by one server runs
/// on any other of the same configuration; the work itself goes through the <see cref="JobRunner"/> (pause, lease,
/// ledger). The job's Hangfire id is its claim on the lease, so a retry, or a re-run on another server after its own
/// died, carries on the same run instead of starting a second one.</summary>
public sealed class ScheduledRun(JobCatalog catalog, JobRunner runner, SchedulerNode node, string claimScope, ILogger log)
{
    /// <summary>Hangfire's job parameter for the firing time (UTC, Unix seconds) of a job its recurring scheduler created.</summary>
    private const string FiringTime = "Time";

    /// <summary>Our job parameter for the ledger row of a run, kept across its attempts.</summary>
    private const string RunIdParameter = "iw-run-id";

    [JobDisplayName("{0} {1} ({2})")]
    public async Task RunAsync(string job, string? period, string by, PerformContext? context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (catalog.Find(job) is not { } definition)
        {
            // Queued before the configuration lost this job; nothing to run it with.
            log.LogWarning("Hangfire job {Id} asks for job {Job}, which the configuration no longer has", context.BackgroundJob.Id, job);
            return;
        }
        // Hangfire's AutomaticRetry counts the retries so far in the job parameter RetryCount.
        var number = context.GetJobParameter<int>("RetryCount") + 1;
        var attempt = new JobAttempt($"{claimScope}/{context.BackgroundJob.Id}", context.GetJobParameter<long?>(RunIdParameter), number,
            IsLast: number >= runner.Retry.Attempts);
        var trigger = new JobTrigger(FiredAt(definition, context), by, period);
        var result = await runner.RunAsync(definition, trigger, ct, attempt, runId => context.SetJobParameter(RunIdParameter, runId));
        if (result.Outcome == JobOutcome.Failed) throw new JobFailedException($"{job} {result.Period}: {result.Message}");
    }

    /// <summary>The local time a run is for: a scheduled firing's cron occurrence (Hangfire may stamp it late), or when the
    /// job was queued by hand.</summary>
    private DateTime FiredAt(JobDefinition job, PerformContext context)
    {
        var fired = context.GetJobParameter<long?>(FiringTime) is { } seconds
            ? JobCron.Occurrence(job.Cron, DateTimeOffset.FromUnixTimeSeconds(seconds), node.TimeZone)
            : new DateTimeOffset(DateTime.SpecifyKind(context.BackgroundJob.CreatedAt, DateTimeKind.Utc));
        return TimeZoneInfo.ConvertTime(fired, node.TimeZone).DateTime;
    }
}
