using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;
using IndicatorWarehouse.Warehouse.Ledger;
using Microsoft.Extensions.Hosting;

namespace IndicatorWarehouse.Server.Jobs;

/// <summary>Hangfire in the server's process: at start it makes the stored recurring jobs the configuration's (one per job
/// of the catalog, by its name, with its cron in the configured time zone; a job no longer configured is removed), then
/// runs a Hangfire server on the store of <see cref="JobStore"/>, each firing handed to <see cref="ScheduledRun"/>. On a
/// shared store every `iw serve` of the warehouse shares one schedule and each firing runs on one of them; the lease still
/// decides whether a period runs at all, and the pause table whether the schedule may run a job.</summary>
public sealed class JobScheduler(JobCatalog catalog, JobRunner runner, JobStore store, SchedulerNode node, TimeProvider clock,
    ILogger<JobScheduler> log)
    : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _retrying = Task.CompletedTask;
    private BackgroundJobServer? _server;

    public JobStorage Storage => store.Storage;

    /// <summary>Starts, or, when the warehouse cannot be reached (a database server still starting, a warehouse not yet
    /// initialised), lets the server serve its pages and tries again every <see cref="SchedulerNode.StartRetry"/>.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        if (!await TryStartAsync(ct)) _retrying = RetryStartAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken ct)
    {
        await _stopping.CancelAsync();
        await _retrying;
        // Dispose waits for the workers: a job being run is cancelled and goes back to the queue for another server.
        _server?.Dispose();
        _server = null;
    }

    private async Task<bool> TryStartAsync(CancellationToken ct)
    {
        try
        {
            await store.PrepareAsync(ct);
            Reconcile();
            if (!store.Shared) await CatchUpAsync(ct);
            _server = new BackgroundJobServer(new BackgroundJobServerOptions
            {
                ServerName = node.Name,
                WorkerCount = node.Workers,
                SchedulePollingInterval = node.PollInterval,
                HeartbeatInterval = node.Heartbeat,
                ServerTimeout = node.ServerTimeout,
                ServerCheckInterval = node.Heartbeat,
                ShutdownTimeout = TimeSpan.FromSeconds(15),
                FilterProvider = Filters(),
                Activator = new Activator(NewRun),
            }, Storage);
            log.LogInformation("Jobs on Hangfire ({Store}) started with {Count} recurring jobs", store.Describe, catalog.All.Count);
            return true;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or InvalidOperationException)
        {
            log.LogError(e, "The jobs could not start, trying again in {Delay}: {Message}", node.StartRetry, e.Message);
            return false;
        }
    }

    private async Task RetryStartAsync(CancellationToken stopping)
    {
        try
        {
            do await Task.Delay(node.StartRetry, stopping);
            while (!await TryStartAsync(stopping));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    /// <summary>Queues a run of <paramref name="job"/> now, as <paramref name="by"/> asked: the same Hangfire job a firing
    /// makes, taken by whichever server of the store is free.</summary>
    public string Trigger(string job, string by) =>
        new BackgroundJobClient(Storage).Enqueue<ScheduledRun>(run => run.RunAsync(catalog.Get(job).Name, null, by, null, CancellationToken.None));

    /// <summary>The next firing of each recurring job, as the store has it (null: not scheduled, or not started yet).</summary>
    public IReadOnlyDictionary<string, DateTimeOffset?> NextFirings()
    {
        using var connection = Storage.GetConnection();
        return connection.GetRecurringJobs().ToDictionary(job => job.Id,
            job => job.NextExecution is { } next ? new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc)) : (DateTimeOffset?)null);
    }

    /// <summary>The jobs some server of the store is running now.</summary>
    public IReadOnlySet<string> Running() =>
        Storage.GetMonitoringApi().ProcessingJobs(0, 100).Select(job => job.Value.Job?.Args.FirstOrDefault() as string).OfType<string>().ToHashSet();

    /// <summary>Makes the stored recurring jobs the configuration's. AddOrUpdate leaves a job whose cron, zone and call are
    /// unchanged as it was (its next firing too), so a server starting does not fire again what another has just run.
    /// All servers of a store must have the same configuration; whichever starts last sets the schedule.</summary>
    private void Reconcile()
    {
        var manager = new RecurringJobManager(Storage);
        foreach (var job in catalog.All)
            manager.AddOrUpdate<ScheduledRun>(job.Name, run => run.RunAsync(job.Name, null, JobTriggers.Schedule, null, CancellationToken.None),
                job.Cron, new RecurringJobOptions { TimeZone = node.TimeZone, MisfireHandling = MisfireHandlingMode.Relaxed });
        var configured = catalog.All.Select(job => job.Name).ToHashSet();
        using var connection = Storage.GetConnection();
        var removed = connection.GetRecurringJobs().Select(job => job.Id).Where(id => !configured.Contains(id)).ToList();
        foreach (var id in removed) manager.RemoveIfExists(id);
        if (removed.Count > 0) log.LogInformation("Removed from the schedule, no longer configured: {Jobs}", string.Join(", ", removed));
    }

    /// <summary>A private store starts empty, its first firings still to come. The latest firing of each job (of the past
    /// day) whose period has no lease, neither done nor running anywhere, was missed while this server was down: it is run
    /// once now. Older missed firings are not made up; the periods catch up instead (a closed month is the latest due one,
    /// a pull reads whatever the folder holds).</summary>
    private async Task CatchUpAsync(CancellationToken ct)
    {
        var client = new BackgroundJobClient(Storage, Filters());
        var lease = new JobLease(runner.Database);
        foreach (var job in catalog.All)
        {
            if (JobCron.Latest(job.Cron, clock.GetUtcNow(), node.TimeZone) is not { } fired) continue;
            var period = job.Period.For(TimeZoneInfo.ConvertTime(fired, node.TimeZone).DateTime);
            if (await lease.ExistsAsync(job.Name, period, ct)) continue;
            client.Enqueue<ScheduledRun>(run => run.RunAsync(job.Name, period, JobTriggers.Schedule, null, CancellationToken.None));
            log.LogInformation("{Job}: the firing of {Fired} was missed, run now for {Period}", job.Name, fired, period);
        }
    }

    /// <summary>Hangfire's own filters but its retry, then ours: retries as configured, and no firing made of a paused job.</summary>
    private JobFilterProviderCollection Filters()
    {
        var ours = new JobFilterCollection();
        ours.Add(runner.Retry.Filter());
        ours.Add(new PausedJobFilter(runner.Database));
        return new JobFilterProviderCollection(JobStore.HangfireFilters, ours);
    }

    private ScheduledRun NewRun() => new(catalog, runner, node, store.ClaimScope(runner.Holder), log);

    /// <summary>Hands Hangfire this server's <see cref="ScheduledRun"/>.</summary>
    private sealed class Activator(Func<ScheduledRun> newRun) : JobActivator
    {
        public override object ActivateJob(Type jobType) => jobType == typeof(ScheduledRun) ? newRun() : base.ActivateJob(jobType);
    }
}
