using System.Collections.Specialized;
using IndicatorWarehouse.Domain.Calendar;
using IndicatorWarehouse.Warehouse;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;
using Quartz.Impl;
using Quartz.Impl.Matchers;
using Quartz.Spi;
using Quartz.Util;

namespace IndicatorWarehouse.Server.Jobs;

/// <summary>Quartz, in the server's process, on its persistent store in the warehouse (migration 009), clustered: every
/// `iw serve` on one warehouse shares one schedule, one cron trigger per job of the catalog, and each firing runs on one
/// of them, handed to the <see cref="JobRunner"/>. The lease still decides whether a period runs at all (a run by hand
/// with `iw jobs run` goes around the scheduler), and the pause table whether the schedule may run a job.</summary>
public sealed class JobScheduler(JobCatalog catalog, JobRunner runner, WarehouseDatabase database, ClusterNode node,
    ILogger<JobScheduler> log) : IHostedService, IJobFactory
{
    private const string ByKey = "by";
    private readonly CancellationTokenSource _stopping = new();
    private Task _retrying = Task.CompletedTask;
    private IScheduler? _scheduler;

    /// <summary>Starts the scheduler, or, when the warehouse cannot be reached (a database server still starting), lets the
    /// server serve its pages, /health saying what is wrong, and tries again every <see cref="ClusterNode.StartRetry"/>.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        if (!await TryStartAsync(ct)) _retrying = RetryStartAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken ct)
    {
        await _stopping.CancelAsync();
        await _retrying;
        if (_scheduler is not null) await _scheduler.Shutdown(waitForJobsToComplete: false, ct);
    }

    private async Task<bool> TryStartAsync(CancellationToken ct)
    {
        IScheduler? scheduler = null;
        try
        {
            scheduler = await new PrivateSchedulerFactory(node.QuartzProperties(database)).GetScheduler(ct);
            scheduler.JobFactory = this;
            await ReconcileAsync(scheduler, ct);
            await scheduler.Start(ct);
            _scheduler = scheduler;
            log.LogInformation("Scheduler {Instance} started with {Count} jobs", scheduler.SchedulerInstanceId, catalog.All.Count);
            return true;
        }
        catch (SchedulerException e)
        {
            if (scheduler is not null) await scheduler.Shutdown(waitForJobsToComplete: false, CancellationToken.None);
            log.LogError(e, "The scheduler could not start, trying again in {Delay}: {Message}", node.StartRetry, e.Message);
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

    /// <summary>Runs a job now, in the background, as <paramref name="by"/> asked: on whichever server of the cluster
    /// takes the firing.</summary>
    public Task TriggerAsync(string job, string by) =>
        Scheduler.TriggerJob(new JobKey(catalog.Get(job).Name), new JobDataMap { [ByKey] = by });

    public async Task<DateTimeOffset?> NextFireAsync(string job) =>
        (await Scheduler.GetTrigger(new TriggerKey(job)))?.GetNextFireTimeUtc();

    /// <summary>The jobs running in this server (Quartz knows no more).</summary>
    public async Task<IReadOnlySet<string>> RunningAsync() =>
        (await Scheduler.GetCurrentlyExecutingJobs()).Select(c => c.JobDetail.Key.Name).ToHashSet();

    private IScheduler Scheduler => _scheduler ?? throw new InvalidOperationException("The scheduler has not started.");

    /// <summary>Makes the stored schedule the configuration's: a job that is new or whose schedule or title changed is
    /// stored with its cron trigger, replacing what was there, and the jobs no longer configured are deleted. All servers
    /// of a cluster must have the same configuration; whichever starts last sets the schedule. An unchanged job is left
    /// alone: a replaced trigger counts its first firing from a second before now, so replacing it on every start would
    /// fire again what another server has just run.</summary>
    private async Task ReconcileAsync(IScheduler scheduler, CancellationToken ct)
    {
        var changed = new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>>();
        foreach (var job in catalog.All)
            if (!StoredAsConfigured(job, await scheduler.GetJobDetail(new JobKey(job.Name), ct), await scheduler.GetTrigger(new TriggerKey(job.Name), ct)))
                changed[Detail(job)] = [Trigger(job, database.Clock.Zone)];
        if (changed.Count > 0)
        {
            // One transaction under Quartz's lock, so a server starting at the same time sees all of it or none.
            await scheduler.ScheduleJobs(changed, replace: true, ct);
            log.LogInformation("Stored in the schedule from the configuration: {Jobs}", string.Join(", ", changed.Keys.Select(detail => detail.Key.Name)));
        }

        var configured = catalog.All.Select(job => new JobKey(job.Name)).ToHashSet();
        var removed = (await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup(), ct)).Where(key => !configured.Contains(key)).ToList();
        if (removed.Count > 0)
        {
            await scheduler.DeleteJobs(removed, ct);
            log.LogInformation("Removed from the schedule, no longer configured: {Jobs}", string.Join(", ", removed.Select(key => key.Name)));
        }
    }

    private bool StoredAsConfigured(JobDefinition job, IJobDetail? detail, ITrigger? trigger) =>
        detail is not null && detail.JobType == typeof(QuartzJob) && detail.Description == job.Title
        && trigger is ICronTrigger cron && cron.CronExpressionString == job.Cron && cron.TimeZone.Id == database.Clock.Zone.Id
        && cron.MisfireInstruction == MisfireInstruction.CronTrigger.DoNothing;

    private static IJobDetail Detail(JobDefinition job) =>
        JobBuilder.Create<QuartzJob>().WithIdentity(job.Name).WithDescription(job.Title).StoreDurably().Build();

    // A firing missed while every server was down, or later than Quartz's misfire threshold (a minute), is not made up:
    // the periods catch up instead (a closed month is the latest due one, a pull reads whatever the folder holds).
    // A cron time is the data's wall-clock time ("7-18" is office hours in Vietnam), whatever zone the host is in.
    private static ITrigger Trigger(JobDefinition job, TimeZoneInfo zone) => TriggerBuilder.Create().WithIdentity(job.Name).ForJob(job.Name)
        .WithCronSchedule(job.Cron, cron => cron.InTimeZone(zone).WithMisfireHandlingInstructionDoNothing()).Build();

    IJob IJobFactory.NewJob(TriggerFiredBundle bundle, IScheduler scheduler) => new QuartzJob(catalog, runner, database.Clock);

    void IJobFactory.ReturnJob(IJob job) { }

    /// <summary>Quartz keeps, per process, its schedulers in one repository by name (a factory asking for a name it holds
    /// gets that scheduler back) and its data sources in one manager by name (the last one added wins). The servers of a
    /// cluster share the scheduler's name, and tests run several servers in one process, so each keeps both of its own.</summary>
    private sealed class PrivateSchedulerFactory(NameValueCollection properties) : StdSchedulerFactory(properties)
    {
        private readonly SchedulerRepository _repository = new();
        private readonly DBConnectionManager _dataSources = new(NullLoggerFactory.Instance);

        protected override ISchedulerRepository GetSchedulerRepository() => _repository;

        protected override IDbConnectionManager GetDBConnectionManager() => _dataSources;
    }

    /// <summary>Quartz's side of a job: the same job never runs twice at once anywhere in the cluster.</summary>
    [DisallowConcurrentExecution]
    private sealed class QuartzJob(JobCatalog catalog, JobRunner runner, DataClock clock) : IJob
    {
        public Task Execute(IJobExecutionContext context)
        {
            var by = context.MergedJobDataMap.TryGetString(ByKey, out var who) && who is not null ? who : JobTriggers.Schedule;
            var at = clock.ToDataTime(context.ScheduledFireTimeUtc ?? context.FireTimeUtc);
            return runner.RunAsync(catalog.Get(context.JobDetail.Key.Name), new JobTrigger(at, by), context.CancellationToken);
        }
    }
}
