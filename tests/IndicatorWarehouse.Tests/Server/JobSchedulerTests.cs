using System.Collections.Concurrent;
using System.Globalization;
using Dapper;
using Hangfire.Storage;
using IndicatorWarehouse.Application.Alerts;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Server.Configuration;
using IndicatorWarehouse.Server.Jobs;
using IndicatorWarehouse.Tests.Ingestion.Http;
using IndicatorWarehouse.Tests.Support;
using IndicatorWarehouse.Warehouse.Ledger;
using Microsoft.Extensions.Logging.Abstractions;

namespace IndicatorWarehouse.Tests.Server;

public sealed class SqliteJobSchedulerTests : JobSchedulerTests<SqliteProvider>
{
    /// <summary>Each server's store is in memory: what a restart remembers is the warehouse's leases.</summary>
    [Fact]
    public async Task Restart_AfterAMissedFiring_RunsItOnceAndNotAgainOnTheNextStart()
    {
        var work = new CountingWork();
        // Daily at 06:00 in Vietnam: the latest firing is at most a day old, and its period (the day) not yet run.
        var catalog = new JobCatalog([new JobDefinition("quick-reports", "thử", Daily, new JobPeriod.Day(), work)]);
        var expected = new JobPeriod.Day().For(TimeZoneInfo.ConvertTime(
            Cronos.CronExpression.Parse(Daily, Cronos.CronFormat.IncludeSeconds).GetOccurrences(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow,
                Fast.TimeZone).Last(), Fast.TimeZone).DateTime);

        var first = await StartAsync("node-a", catalog);
        var runs = await Eventually.ReadUntilAsync(FinishedRunsAsync, r => r.Count == 1, "the missed firing run at start");
        await StopAsync(first);
        await StopAsync(await StartAsync("node-a", catalog));

        Assert.Equal([(expected, RunState.Succeeded)], (await FinishedRunsAsync()).Select(r => (r.Period, r.State)));
        Assert.Equal(1, work.Runs);
        Assert.Single(runs);
    }

    /// <summary>A real `iw serve` (the built binary) runs a pull whose source does not answer, and is killed with SIGKILL
    /// in the middle; this process's server fired the same firing, waits on the lease, and once the dead one's lease
    /// expires (nobody renews it) carries the period on: one finished run for it, the dead server's row left running.</summary>
    [Fact]
    public async Task AJobWhoseServerIsKilled_IsRunOnceMoreByTheSurvivingServer_NotTwice()
    {
        var warehouse = (TempWarehouse)Warehouse;
        var sample = await File.ReadAllTextAsync(ReferenceFiles.Default().PathOf("samples/dvcqg-sync.json"));
        using var held = new ManualResetEventSlim();
        var requests = 0;
        await using var source = new LocalJsonServer(_ =>
        {
            // The first request (the server about to be killed) gets no answer until it is dead.
            if (Interlocked.Increment(ref requests) == 1) held.Wait(TimeSpan.FromMinutes(3));
            return (200, sample);
        });
        var config = Path.Combine(warehouse.Directory, "iw.serve.yaml");
        await File.WriteAllTextAsync(config, $"""
            leaseMinutes: 0.05
            retry:
              attempts: 1
            sources:
              - name: dvcqg
                kind: onestop
                profile: dvcqg-sync
                folder: {Path.Combine(warehouse.Directory, "drop")}
                settleSeconds: 0
                cron: "*/3 * * * * *"
                http:
                  url: "{source.BaseUrl}hoso"
            """);
        // Pull periods are minutes: start early in one, so that the killed run's minute is still the survivor's.
        await Eventually.ReadUntilAsync(() => Task.FromResult(DateTime.UtcNow.Second), second => second < 10, "the start of a minute");

        using var doomed = IwProcess.Start("serve", "--db", warehouse.DbPath, "--config", config, "--urls", "http://127.0.0.1:0");
        try
        {
            var stuck = await Eventually.ReadUntilAsync(() => new RunLedger(Warehouse.Database).RecentAsync("pull-dvcqg"),
                runs => runs.Count == 1 && Volatile.Read(ref requests) == 1, "the doomed server's run waiting for its source");
            var period = Part(stuck.Single().Parameters!, "period");
            var survivorConfig = ServeConfigFile.Load(config);
            var catalog = JobCatalog.From(survivorConfig, Warehouse.Database, ReferenceFiles.Default(), null, new HttpClient());
            await StartAsync("survivor", catalog);
            // Let the survivor fire the same minute and find the lease taken, then kill the holder.
            await Task.Delay(TimeSpan.FromSeconds(4));
            doomed.Kill();
            await doomed.WaitForExitAsync();
            held.Set();

            var runs = await Eventually.ReadUntilAsync(() => new RunLedger(Warehouse.Database).RecentAsync("pull-dvcqg"),
                r => r.Any(run => run.State == RunState.Succeeded && Part(run.Parameters!, "period") == period), $"period {period} carried on");
            var ofPeriod = runs.Where(run => Part(run.Parameters!, "period") == period).ToList();

            Assert.Equal([RunState.Running, RunState.Succeeded], ofPeriod.Select(run => run.State).Order());
            Assert.Equal("survivor", Part(ofPeriod.Single(run => run.State == RunState.Succeeded).Parameters!, "holder"));
            await using var c = await Warehouse.OpenAsync();
            Assert.Equal(1, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM etl_snapshot"));
        }
        finally
        {
            if (!doomed.HasExited) doomed.Kill();
        }
    }
}
public sealed class SqlServerJobSchedulerTests : JobSchedulerTests<SqlServerProvider>;

/// <summary>The jobs on Hangfire, on the store the warehouse's database gets (in memory per server on SQLite,
/// Hangfire.SqlServer shared by the servers on SQL Server): nodes are <see cref="JobScheduler"/>s of their own (own
/// catalog, runner, store) on one warehouse, as servers would be.</summary>
public abstract class JobSchedulerTests<TProvider> : WarehouseTests<TProvider>, IAsyncLifetime where TProvider : WarehouseProvider, new()
{
    /// <summary>Short polls and timeouts so that a firing, a retry or a dead server is seen within seconds.</summary>
    protected static readonly SchedulerNode Fast = new()
    {
        PollInterval = TimeSpan.FromMilliseconds(200), Heartbeat = TimeSpan.FromSeconds(1), ServerTimeout = TimeSpan.FromSeconds(5),
        InvisibilityTimeout = TimeSpan.FromSeconds(5), StartRetry = TimeSpan.FromSeconds(1),
    };

    protected const string Pull = "0 0/30 7-18 ? * MON-FRI", Daily = "0 0 6 * * ?";
    private ITestWarehouse _w = default!;

    protected ITestWarehouse Warehouse => _w;
    private readonly List<JobScheduler> _running = [];

    public async Task InitializeAsync() => _w = await InitializedAsync();

    public async Task DisposeAsync()
    {
        foreach (var node in _running.ToList()) await StopAsync(node);
        await _w.DisposeAsync();
    }

    [ProviderFact]
    public async Task Start_StoresTheConfiguredJobsWithTheirCronInTheConfiguredZone()
    {
        var node = await StartAsync("node-a", Catalog(("pull-mot-cua", Pull), ("scorecards", Daily)));

        Assert.Equal([("pull-mot-cua", Pull, "Asia/Ho_Chi_Minh"), ("scorecards", Daily, "Asia/Ho_Chi_Minh")], StoredSchedule(node));
        // 06:00 in Vietnam is 23:00 UTC the day before.
        Assert.Equal(23, node.NextFirings()["scorecards"]!.Value.UtcDateTime.Hour);
    }

    [ProviderFact]
    public async Task Restart_WithAChangedConfiguration_ReplacesTheCronAndRemovesTheJobNoLongerConfigured()
    {
        await StopAsync(await StartAsync("node-a", Catalog(("pull-mot-cua", Pull), ("scorecards", Daily))));

        var node = await StartAsync("node-a", Catalog(("pull-mot-cua", "0 0/15 7-18 ? * MON-FRI"), ("quick-reports", "0 30 15 ? * MON-FRI")));

        Assert.Equal([("pull-mot-cua", "0 0/15 7-18 ? * MON-FRI", "Asia/Ho_Chi_Minh"), ("quick-reports", "0 30 15 ? * MON-FRI", "Asia/Ho_Chi_Minh")],
            StoredSchedule(node));
    }

    [ProviderFact]
    public async Task Start_WarehouseNotMigratedYet_ThrowsNothingAndStartsOnceItIs()
    {
        await using var later = await EmptyAsync();
        var node = await StartAsync("node-a", Catalog(("scorecards", Daily)), later);

        await new InitService(later.Database, ReferenceFiles.Default()).RunAsync();

        await Eventually.ReadUntilAsync(() => Task.FromResult(StoredSchedule(node)), schedule => schedule.Count == 1, "the schedule stored once the warehouse is ready");
    }

    [ProviderFact]
    public async Task TwoNodes_AJobEveryTwoSeconds_RunEachFiringExactlyOnce()
    {
        var work = new CountingWork();
        await StartAsync("node-a", EveryTwoSeconds(work));
        await StartAsync("node-b", EveryTwoSeconds(work));

        await Eventually.ReadUntilAsync(FinishedRunsAsync, runs => runs.Count >= 8, "eight firings run");
        foreach (var node in _running.ToList()) await StopAsync(node);
        var runs = await FinishedRunsAsync();

        Assert.All(runs.GroupBy(run => run.Period), firing => Assert.Single(firing));
        Assert.All(runs, run => Assert.Equal(RunState.Succeeded, run.State));
        Assert.Equal(runs.Count, work.Runs);
        // None lost: every two seconds from the first to the last.
        var periods = runs.Select(run => DateTime.ParseExact(run.Period, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)).Order().ToList();
        Assert.All(periods.Zip(periods.Skip(1)), pair => Assert.Equal(TimeSpan.FromSeconds(2), pair.Second - pair.First));
    }

    [ProviderFact]
    public async Task AJobThatThrows_IsRetriedByHangfire_AndItsFailureReachesTheLedgerAndTheFailedJobAlert()
    {
        var work = new ThrowingWork(new HttpRequestException("Cổng dịch vụ công không trả lời"));

        var node = await TriggerAloneAsync(work);

        var failed = await Eventually.ReadUntilAsync(FinishedRunsAsync, runs => runs.Count == 1, "the run finished");
        Assert.Equal(RunState.Failed, failed.Single().State);
        Assert.Equal(3, work.Runs);
        var run = (await new RunLedger(_w.Database).RecentAsync("pull-dvcqg")).Single();
        Assert.Equal("Cổng dịch vụ công không trả lời (sau 3 lần thử)", run.Error);
        await Eventually.ReadUntilAsync(() => Task.FromResult(node.Storage.GetMonitoringApi().FailedCount()), count => count == 1, "Hangfire's failed job");
        var alerts = await new AlertService(_w.Database, ReferenceFiles.Default()).ForAsync(run.StartedAt.AddHours(1), AlertRules.Default);
        Assert.Contains(alerts, alert => alert.Kind == "failed_job" && alert.Message.Contains("pull-dvcqg") && alert.Message.Contains("sau 3 lần thử"));
    }

    [ProviderFact]
    public async Task AJobThatFailsOnceForAPassingReason_IsRetriedAndSucceedsInOneLedgerRow()
    {
        var work = new ThrowingWork(new HttpRequestException("bận"), times: 1);

        await TriggerAloneAsync(work);

        var runs = await Eventually.ReadUntilAsync(FinishedRunsAsync, r => r.Count == 1, "the run finished");
        Assert.Equal(RunState.Succeeded, runs.Single().State);
        Assert.Equal(2, work.Runs);
    }

    [ProviderFact]
    public async Task APausedJob_IsNotEnqueuedByItsSchedule()
    {
        var work = new CountingWork();
        await new JobPauses(_w.Database).PauseAsync("pull-mot-cua", "test");
        var node = await StartAsync("node-a", EveryTwoSeconds(work));

        // Long enough for three firings; none makes a Hangfire job, and nothing reaches the ledger.
        await Task.Delay(TimeSpan.FromSeconds(6));
        var api = node.Storage.GetMonitoringApi();

        Assert.Equal(0, work.Runs);
        Assert.Empty(await FinishedRunsAsync());
        Assert.Equal(0, api.SucceededListCount() + api.EnqueuedCount("default") + api.ProcessingCount());
    }

    /// <summary>A node with job <c>pull-dvcqg</c> doing <paramref name="work"/>, three attempts, and one run of it asked
    /// for by hand. The job is paused, so that only that run runs (not the schedule's, nor a missed firing's).</summary>
    private async Task<JobScheduler> TriggerAloneAsync(IJobWork work)
    {
        await new JobPauses(_w.Database).PauseAsync("pull-dvcqg", "test");
        var node = await StartAsync("node-a", new JobCatalog([new JobDefinition("pull-dvcqg", "thử", Pull, new JobPeriod.Minute(), work)]),
            retry: new RetryConfig { Attempts = 3, DelaySeconds = 0 });
        node.Trigger("pull-dvcqg", "web:minh");
        return node;
    }

    protected async Task<JobScheduler> StartAsync(string name, JobCatalog catalog, ITestWarehouse? warehouse = null, RetryConfig? retry = null)
    {
        var database = (warehouse ?? _w).Database;
        var runner = new JobRunner(database, new JobRetry(retry ?? new RetryConfig { Attempts = 1 }, database.Dialect), TimeSpan.FromSeconds(3), name);
        var node = Fast with { Name = name };
        var scheduler = new JobScheduler(catalog, runner, new JobStore(database, node), node, TimeProvider.System, NullLogger<JobScheduler>.Instance);
        await scheduler.StartAsync(CancellationToken.None);
        _running.Add(scheduler);
        return scheduler;
    }

    protected async Task StopAsync(JobScheduler node)
    {
        await node.StopAsync(CancellationToken.None);
        _running.Remove(node);
    }

    private static JobCatalog Catalog(params (string Name, string Cron)[] jobs) =>
        new([.. jobs.Select(job => new JobDefinition(job.Name, "thử", job.Cron, new JobPeriod.Day(), new CountingWork()))]);

    private static JobCatalog EveryTwoSeconds(IJobWork work) =>
        new([new JobDefinition("pull-mot-cua", "thử", "*/2 * * * * *", new EachSecond(), work)]);

    private static List<(string Job, string Cron, string Zone)> StoredSchedule(JobScheduler node)
    {
        using var connection = node.Storage.GetConnection();
        return connection.GetRecurringJobs().Select(job => (job.Id, job.Cron, job.TimeZoneId)).OrderBy(job => job.Id == "pull-mot-cua" ? 0 : 1).ToList();
    }

    /// <summary>The runs the ledger finished, with the period and the node (the runner's holder) they name.</summary>
    protected async Task<List<(string Period, string Holder, string State)>> FinishedRunsAsync()
    {
        var runs = await new RunLedger(_w.Database).RecentAsync(count: 10_000);
        return runs.Where(run => run.State != RunState.Running)
            .Select(run => (Part(run.Parameters!, "period"), Part(run.Parameters!, "holder"), run.State)).ToList();
    }

    protected static string Part(string parameters, string name) =>
        parameters.Split("; ").Single(part => part.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..];

    /// <summary>A period per firing: its second.</summary>
    private sealed record EachSecond : JobPeriod
    {
        public override string For(DateTime at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

        public override bool IsValid(string period) => true;
    }

    protected class CountingWork : IJobWork
    {
        private int _runs;
        public int Runs => _runs;

        public virtual Task<JobWorkResult> RunAsync(string period, CancellationToken ct)
        {
            Interlocked.Increment(ref _runs);
            return Task.FromResult(new JobWorkResult(true, 1, "xong"));
        }
    }

    /// <summary>Throws <paramref name="failure"/> the first <paramref name="times"/> runs (every run by default).</summary>
    private sealed class ThrowingWork(Exception failure, int times = int.MaxValue) : CountingWork
    {
        public override async Task<JobWorkResult> RunAsync(string period, CancellationToken ct)
        {
            var result = await base.RunAsync(period, ct);
            return Runs <= times ? throw failure : result;
        }
    }
}
