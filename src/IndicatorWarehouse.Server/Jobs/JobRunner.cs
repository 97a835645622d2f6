using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Ledger;
using Microsoft.Extensions.Logging.Abstractions;

namespace IndicatorWarehouse.Server.Jobs;

/// <summary>Why a run was asked for: when (the firing's local time), by whom ("lịch" for the schedule, a user, the command
/// line), and for a run by hand optionally the period and whether to redo a period already done.</summary>
public sealed record JobTrigger(DateTime At, string By, string? Period = null, bool Force = false);

/// <summary>One attempt of a run as Hangfire makes it: <see cref="Claim"/> names the run in the lease (the same for every
/// attempt of one Hangfire job, on whichever server), <see cref="RunId"/> is its ledger row once an earlier attempt wrote
/// one, and <see cref="IsLast"/> says whether a passing failure may still be retried. Such a run waits while another
/// holds the period's lease: if that one finishes, the period is done; if its server died, its lease expires (it is no
/// longer renewed) and this run carries the period on.</summary>
public sealed record JobAttempt(string Claim, long? RunId, int Number, bool IsLast)
{
    /// <summary>A run by hand in this process: one attempt, told at once when the period is taken.</summary>
    internal bool WaitsForHolder { get; init; } = true;
}

public enum JobOutcome { Succeeded, NothingNew, Failed, Paused, LeaseHeld }

/// <summary>What became of one request to run a job. <see cref="RunId"/> is the ledger row, when one was written.</summary>
public sealed record JobRunResult(string Job, string Period, JobOutcome Outcome, long? RunId, int Attempts, string Message);

/// <summary>Runs a job for one period the way every run must go: not while paused (unless by hand), only under the
/// period's lease, recorded in the run ledger (one row for all attempts of a run). A passing failure with attempts left
/// throws <see cref="JobAttemptFailedException"/>, keeping lease and ledger row, for Hangfire to try again.</summary>
public sealed class JobRunner(WarehouseDatabase database, JobRetry retry, TimeSpan leaseTimeToLive, string holder, ILogger? logger = null)
{
    /// <summary>Who this process is: host, process id and a random part for two servers in one process.</summary>
    public static string ThisProcess() => $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    private readonly ILogger _log = logger ?? NullLogger.Instance;

    public string Holder => holder;

    public WarehouseDatabase Database => database;

    public JobRetry Retry => retry;

    /// <summary>Runs <paramref name="job"/>; without <paramref name="attempt"/> (by hand, in this process) once, under this
    /// runner's own claim. <paramref name="started"/> hears of the ledger row as soon as it is written.</summary>
    public async Task<JobRunResult> RunAsync(JobDefinition job, JobTrigger trigger, CancellationToken ct = default, JobAttempt? attempt = null,
        Action<long>? started = null)
    {
        attempt ??= new JobAttempt(holder, null, 1, IsLast: true) { WaitsForHolder = false };
        var period = trigger.Period ?? job.Period.For(trigger.At);
        if (!job.Period.IsValid(period)) throw new ArgumentException($"'{period}' is not a period of job {job.Name}.");
        JobRunResult Result(JobOutcome outcome, long? runId, string message) => new(job.Name, period, outcome, runId, attempt.Number, message);

        if (trigger.By == JobTriggers.Schedule && attempt.RunId is null && await new JobPauses(database).IsPausedAsync(job.Name, ct))
            return Result(JobOutcome.Paused, null, "Công việc đang tạm dừng.");

        var lease = new JobLease(database);
        while (!await lease.TryAcquireAsync(job.Name, period, attempt.Claim, leaseTimeToLive, trigger.Force, ct))
        {
            if (!attempt.WaitsForHolder || !await lease.IsRunningAsync(job.Name, period, ct))
                return Result(JobOutcome.LeaseHeld, null, $"Kỳ {period} đã được chạy hoặc đang chạy ở nơi khác.");
            await Task.Delay(RenewEvery, ct);
        }

        var ledger = new RunLedger(database);
        var runId = attempt.RunId ?? await ledger.StartAsync(job.Name, $"period={period}; by={trigger.By}; holder={holder}", ct);
        started?.Invoke(runId);
        try
        {
            var done = await WhileRenewingAsync(lease, job.Name, period, attempt.Claim, () => job.Work.RunAsync(period, ct), ct);
            await ledger.FinishAsync(runId, done.DidWork ? RunState.Succeeded : RunState.Skipped, done.Rows, done.DidWork ? null : done.Summary, ct);
            // A period is done only when something was done for it; "nothing yet" leaves it open for the next run.
            if (done.DidWork) await lease.CompleteAsync(job.Name, period, attempt.Claim, runId, ct);
            else await lease.ReleaseAsync(job.Name, period, attempt.Claim, ct);
            return Result(done.DidWork ? JobOutcome.Succeeded : JobOutcome.NothingNew, runId, done.Summary);
        }
        catch (Exception e) when (!attempt.IsLast && retry.IsTransient(e) && !ct.IsCancellationRequested)
        {
            _log.LogWarning("{Job} {Period}: attempt {Attempt} failed for a passing reason, Hangfire tries again: {Message}",
                job.Name, period, attempt.Number, e.Message);
            throw new JobAttemptFailedException($"{job.Name} {period}, lần thử {attempt.Number}: {e.Message}", e);
        }
        catch (Exception e)
        {
            var message = attempt.Number > 1 ? $"{e.Message} (sau {attempt.Number} lần thử)" : e.Message;
            _log.LogError(e, "{Job} {Period} failed: {Message}", job.Name, period, message);
            await ledger.FinishAsync(runId, RunState.Failed, null, message, CancellationToken.None);
            await lease.ReleaseAsync(job.Name, period, attempt.Claim, CancellationToken.None);
            if (e is OperationCanceledException && ct.IsCancellationRequested) throw;
            return Result(JobOutcome.Failed, runId, message);
        }
    }

    private TimeSpan RenewEvery => leaseTimeToLive / 3;

    /// <summary>Runs <paramref name="work"/>, renewing the lease meanwhile, so that only a holder that stopped (its server
    /// killed) lets its lease expire, however long its work takes.</summary>
    private async Task<T> WhileRenewingAsync<T>(JobLease lease, string job, string period, string claim, Func<Task<T>> work, CancellationToken ct)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewing = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    await Task.Delay(RenewEvery, done.Token);
                    await lease.RenewAsync(job, period, claim, leaseTimeToLive, done.Token);
                }
            }
            catch (OperationCanceledException) when (done.IsCancellationRequested)
            {
            }
        }, CancellationToken.None);
        try
        {
            return await work();
        }
        finally
        {
            await done.CancelAsync();
            await renewing;
        }
    }
}

/// <summary>Who a trigger names when it is the schedule.</summary>
public static class JobTriggers
{
    public const string Schedule = "lịch";
}
