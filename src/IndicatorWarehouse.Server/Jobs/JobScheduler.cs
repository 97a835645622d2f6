using System.Collections.Specialized;
using Microsoft.Extensions.Hosting;
using Quartz;
using Quartz.Impl;
using Quartz.Spi;

namespace IndicatorWarehouse.Server.Jobs;

/// <summary>Quartz, in the server's process: one cron trigger per job of the catalog, each firing hands the job to
/// the <see cref="JobRunner"/>. The store is in memory: the lease and pause tables in the warehouse are what
/// servers share (on SQL Server, Quartz's clustered ADO store is the place to go further, see dashboards/README.md).</summary>
public sealed class JobScheduler(JobCatalog catalog, JobRunner runner, ILogger<JobScheduler> log) : IHostedService, IJobFactory
{
    private const string ByKey = "by";
    private IScheduler? _scheduler;

    public async Task StartAsync(CancellationToken ct)
    {
        var factory = new StdSchedulerFactory(new NameValueCollection
        {
            // Quartz keeps schedulers by name per process; a unique name lets tests run two servers side by side.
            ["quartz.scheduler.instanceName"] = "iw-serve-" + Guid.NewGuid().ToString("N")[..8],
            ["quartz.threadPool.maxConcurrency"] = "2",
        });
        _scheduler = await factory.GetScheduler(ct);
        _scheduler.JobFactory = this;
        foreach (var job in catalog.All)
        {
            var detail = JobBuilder.Create<QuartzJob>().WithIdentity(job.Name).WithDescription(job.Title).StoreDurably().Build();
            // A firing missed while the server was down is not made up at start; the periods catch up instead.
            var trigger = TriggerBuilder.Create().WithIdentity(job.Name).ForJob(detail)
                .WithCronSchedule(job.Cron, cron => cron.WithMisfireHandlingInstructionDoNothing()).Build();
            await _scheduler.ScheduleJob(detail, trigger, ct);
        }
        await _scheduler.Start(ct);
        log.LogInformation("Scheduler started with {Count} jobs", catalog.All.Count);
    }

    public async Task StopAsync(CancellationToken ct)
    {
        if (_scheduler is not null) await _scheduler.Shutdown(waitForJobsToComplete: false, ct);
    }

    /// <summary>Runs a job now, in the background, as <paramref name="by"/> asked.</summary>
    public Task TriggerAsync(string job, string by) =>
        Scheduler.TriggerJob(new JobKey(catalog.Get(job).Name), new JobDataMap { [ByKey] = by });

    public async Task<DateTimeOffset?> NextFireAsync(string job) =>
        (await Scheduler.GetTrigger(new TriggerKey(job)))?.GetNextFireTimeUtc();

    public async Task<IReadOnlySet<string>> RunningAsync() =>
        (await Scheduler.GetCurrentlyExecutingJobs()).Select(c => c.JobDetail.Key.Name).ToHashSet();

    private IScheduler Scheduler => _scheduler ?? throw new InvalidOperationException("The scheduler has not started.");

    IJob IJobFactory.NewJob(TriggerFiredBundle bundle, IScheduler scheduler) => new QuartzJob(catalog, runner);

    void IJobFactory.ReturnJob(IJob job) { }

    /// <summary>Quartz's side of a job: the same job is never run twice at once in one server.</summary>
    [DisallowConcurrentExecution]
    private sealed class QuartzJob(JobCatalog catalog, JobRunner runner) : IJob
    {
        public Task Execute(IJobExecutionContext context)
        {
            var by = context.MergedJobDataMap.TryGetString(ByKey, out var who) && who is not null ? who : JobTriggers.Schedule;
            var at = (context.ScheduledFireTimeUtc ?? context.FireTimeUtc).LocalDateTime;
            return runner.RunAsync(catalog.Get(context.JobDetail.Key.Name), new JobTrigger(at, by), context.CancellationToken);
        }
    }
}
