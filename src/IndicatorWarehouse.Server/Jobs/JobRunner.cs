using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Ledger;
using Microsoft.Extensions.Logging.Abstractions;

namespace IndicatorWarehouse.Server.Jobs;

/// <summary>Why a run was asked for: when, by whom ("lịch" for the schedule, a user, the command line), and for a
/// run by hand optionally the period and whether to redo a period already done.</summary>
public sealed record JobTrigger(DateTime At, string By, string? Period = null, bool Force = false);

public enum JobOutcome { Succeeded, NothingNew, Failed, Paused, LeaseHeld }

/// <summary>What became of one request to run a job. <see cref="RunId"/> is the ledger row, when one was written.</summary>
public sealed record JobRunResult(string Job, string Period, JobOutcome Outcome, long? RunId, int Attempts, string Message);

/// <summary>Runs a job for one period the way every run must go: not while paused (unless by hand), only under the
/// period's lease, recorded in the run ledger, retried while its failures are transient.</summary>
public sealed class JobRunner(WarehouseDatabase database, JobRetry retry, TimeSpan leaseTimeToLive, string holder, ILogger? logger = null)
{
    /// <summary>Who this process is in the lease table: host, process id and a random part for two servers in one process.</summary>
    public static string ThisProcess() => $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    private readonly ILogger _log = logger ?? NullLogger.Instance;

    public async Task<JobRunResult> RunAsync(JobDefinition job, JobTrigger trigger, CancellationToken ct = default)
    {
        var period = trigger.Period ?? job.Period.For(trigger.At);
        if (!job.Period.IsValid(period)) throw new ArgumentException($"'{period}' is not a period of job {job.Name}.");
        JobRunResult Result(JobOutcome outcome, long? runId, int attempts, string message) => new(job.Name, period, outcome, runId, attempts, message);

        var byHand = trigger.Period is not null || trigger.By != JobTriggers.Schedule;
        if (!byHand && await new JobPauses(database).IsPausedAsync(job.Name, ct))
            return Result(JobOutcome.Paused, null, 0, "Công việc đang tạm dừng.");

        var lease = new JobLease(database);
        if (!await lease.TryAcquireAsync(job.Name, period, holder, leaseTimeToLive, trigger.Force, ct))
            return Result(JobOutcome.LeaseHeld, null, 0, $"Kỳ {period} đã được chạy hoặc đang chạy ở nơi khác.");

        var ledger = new RunLedger(database);
        var runId = await ledger.StartAsync(job.Name, $"period={period}; by={trigger.By}; holder={holder}", ct);
        var attempts = 0;
        try
        {
            var done = await retry.ExecuteAsync(token =>
                {
                    attempts++;
                    return job.Work.RunAsync(period, token);
                },
                (e, pause) => _log.LogWarning("{Job} {Period}: attempt {Attempt} failed for a passing reason, trying again in {Pause}: {Message}",
                    job.Name, period, attempts, pause, e.Message), ct);
            await ledger.FinishAsync(runId, done.DidWork ? RunState.Succeeded : RunState.Skipped, done.Rows, done.DidWork ? null : done.Summary, ct);
            // A period is done only when something was done for it; "nothing yet" leaves it open for the next run.
            if (done.DidWork) await lease.CompleteAsync(job.Name, period, holder, runId, ct);
            else await lease.ReleaseAsync(job.Name, period, holder, ct);
            return Result(done.DidWork ? JobOutcome.Succeeded : JobOutcome.NothingNew, runId, attempts, done.Summary);
        }
        catch (Exception e)
        {
            var message = attempts > 1 ? $"{e.Message} (sau {attempts} lần thử)" : e.Message;
            _log.LogError(e, "{Job} {Period} failed: {Message}", job.Name, period, message);
            await ledger.FinishAsync(runId, RunState.Failed, null, message, CancellationToken.None);
            await lease.ReleaseAsync(job.Name, period, holder, CancellationToken.None);
            if (e is OperationCanceledException && ct.IsCancellationRequested) throw;
            return Result(JobOutcome.Failed, runId, attempts, message);
        }
    }
}

/// <summary>Who a trigger names when it is the schedule.</summary>
public static class JobTriggers
{
    public const string Schedule = "lịch";
}
