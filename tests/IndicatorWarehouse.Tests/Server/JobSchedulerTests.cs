using System.Collections.Concurrent;
using System.Globalization;
using Dapper;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Server.Configuration;
using IndicatorWarehouse.Server.Jobs;
using IndicatorWarehouse.Tests.Support;
using IndicatorWarehouse.Warehouse.Ledger;
using Microsoft.Extensions.Logging.Abstractions;

namespace IndicatorWarehouse.Tests.Server;

public sealed class SqliteJobSchedulerTests : JobSchedulerTests<SqliteProvider>;
public sealed class SqlServerJobSchedulerTests : JobSchedulerTests<SqlServerProvider>;

/// <summary>The scheduler on Quartz's clustered store in the warehouse: nodes are <see cref="JobScheduler"/>s of their own
/// (own catalog, runner and instance id) on one warehouse, as servers would be.</summary>
public abstract class JobSchedulerTests<TProvider> : WarehouseTests<TProvider>, IAsyncLifetime where TProvider : WarehouseProvider, new()
{
    // Short enough to see a node taken over within seconds; the threshold long enough that a busy machine does not make a
    // live node look dead (which would let Quartz fire its triggers twice).
    private static readonly ClusterNode Fast = new()
    {
        CheckinInterval = TimeSpan.FromSeconds(1), CheckinMisfireThreshold = TimeSpan.FromSeconds(5), IdleWait = TimeSpan.FromSeconds(1),
        StartRetry = TimeSpan.FromSeconds(1),
    };

    private const string Pull = "0 0/30 7-18 ? * MON-FRI", Daily = "0 0 6 * * ?";
    private ITestWarehouse _w = default!;
    private readonly List<JobScheduler> _running = [];

    public async Task InitializeAsync() => _w = await InitializedAsync();

    public async Task DisposeAsync()
    {
        foreach (var node in _running) await node.StopAsync(CancellationToken.None);
        await _w.DisposeAsync();
    }

    [ProviderFact]
    public async Task Start_ThenStop_LeavesTheConfiguredJobsWithTheirCronInTheStore()
    {
        var node = await StartAsync("node-a", Catalog(("pull-mot-cua", Pull), ("scorecards", Daily)));
        await StopAsync(node);

        Assert.Equal([("pull-mot-cua", Pull, "WAITING"), ("scorecards", Daily, "WAITING")], await StoredScheduleAsync());
        await using var c = await _w.OpenAsync();
        Assert.Equal(("node-a", 1000L), await c.QuerySingleAsync<(string, long)>(
            "SELECT INSTANCE_NAME, CHECKIN_INTERVAL FROM QRTZ_SCHEDULER_STATE WHERE SCHED_NAME = @name", new { name = ClusterNode.SchedulerName }));
    }

    [ProviderFact]
    public async Task Start_WithAChangedConfiguration_ReplacesTheCronAndRemovesTheJobNoLongerConfigured()
    {
        await StopAsync(await StartAsync("node-a", Catalog(("pull-mot-cua", Pull), ("scorecards", Daily))));

        var node = await StartAsync("node-a", Catalog(("pull-mot-cua", "0 0/15 7-18 ? * MON-FRI"), ("quick-reports", "0 30 15 ? * MON-FRI")));
        await StopAsync(node);

        Assert.Equal([("pull-mot-cua", "0 0/15 7-18 ? * MON-FRI", "WAITING"), ("quick-reports", "0 30 15 ? * MON-FRI", "WAITING")],
            await StoredScheduleAsync());
    }

    [ProviderFact]
    public async Task Start_WithTheSameConfiguration_LeavesTheStoredTriggersAsTheyWere()
    {
        await StopAsync(await StartAsync("node-a", Catalog(("pull-mot-cua", Pull), ("scorecards", Daily))));
        var before = await TriggerStartsAsync();

        await StopAsync(await StartAsync("node-b", Catalog(("pull-mot-cua", Pull), ("scorecards", Daily))));

        Assert.Equal(before, await TriggerStartsAsync());
    }

    [ProviderFact]
    public async Task Start_WarehouseNotMigratedYet_ThrowsNothingAndStartsOnceItIs()
    {
        await using var later = await EmptyAsync();
        var node = await StartAsync("node-a", Catalog(("scorecards", Daily)), later);

        await new InitService(later.Database, ReferenceFiles.Default()).RunAsync();

        await Eventually.ReadUntilAsync(() => StoredScheduleAsync(later), schedule => schedule.Count == 1, "the schedule stored once the warehouse is ready");
        await StopAsync(node);
    }

    [ProviderFact]
    public async Task TwoNodesOnTwoWarehousesInOneProcess_EachReadsItsOwnSchedule()
    {
        await using var other = await InitializedAsync();
        var first = await StartAsync("node-a", Catalog(("scorecards", Daily)));
        var second = await StartAsync("node-b", Catalog(("quick-reports", Daily)), other);

        var read = (First: await first.NextFireAsync("scorecards"), Second: await second.NextFireAsync("quick-reports"));

        await StopAsync(second);
        Assert.NotNull(read.First);
        Assert.NotNull(read.Second);
    }

    [ProviderFact]
    public async Task TwoNodes_TriggerFiringEverySecond_RunEachFiringOnce()
    {
        var firings = new Firings();
        await StartAsync("node-a", EverySecond(firings));
        await StartAsync("node-b", EverySecond(firings));

        await Eventually.ReadUntilAsync(() => Task.FromResult(firings.Asked.Distinct().Count()), count => count >= 8, "eight firings");
        foreach (var node in _running.ToList()) await StopAsync(node);
        // A run handed out just before the stop still finishes; read both sides once they agree on how many there were.
        var (asked, runs) = await Eventually.ReadUntilAsync(async () => (Asked: firings.Asked.ToList(), Runs: await FinishedRunsAsync()),
            seen => seen.Runs.Count == seen.Asked.Distinct().Count(), "every run asked for in the ledger");

        Assert.All(asked.GroupBy(at => at), firing => Assert.Single(firing));
        Assert.Equal(asked.Select(Second).Order(), runs.Select(run => run.Period).Order());
        Assert.All(runs, run => Assert.Equal(RunState.Succeeded, run.State));
    }

    [ProviderFact]
    public async Task TwoNodes_TheFiringNodeStops_TheOtherKeepsFiring()
    {
        var firings = new Firings();
        var nodes = new Dictionary<string, JobScheduler>
        {
            ["node-a"] = await StartAsync("node-a", EverySecond(firings)),
            ["node-b"] = await StartAsync("node-b", EverySecond(firings)),
        };
        var before = await Eventually.ReadUntilAsync(FinishedRunsAsync, runs => runs.Count >= 3, "three runs");

        var stopped = before.MaxBy(run => run.Period).Holder;
        await StopAsync(nodes[stopped]);
        // From the next second on (runs are named in the data's time): Quartz may fire a trigger a few milliseconds before its time.
        var stoppedAt = Second(_w.Database.Clock.Now.AddSeconds(1));
        var other = nodes.Keys.Single(name => name != stopped);

        var after = await Eventually.ReadUntilAsync(FinishedRunsAsync,
            runs => runs.Count(run => run.Holder == other && string.CompareOrdinal(run.Period, stoppedAt) > 0) >= 3,
            $"three firings run by {other} after {stopped} stopped");
        Assert.DoesNotContain(after, run => run.Holder == stopped && string.CompareOrdinal(run.Period, stoppedAt) > 0);
    }

    private async Task<JobScheduler> StartAsync(string instanceId, JobCatalog catalog, ITestWarehouse? warehouse = null)
    {
        var database = (warehouse ?? _w).Database;
        var runner = new JobRunner(database, new JobRetry(new RetryConfig { Attempts = 1 }, database.Dialect), TimeSpan.FromMinutes(10), instanceId);
        var node = new JobScheduler(catalog, runner, database, Fast with { InstanceId = instanceId }, NullLogger<JobScheduler>.Instance);
        await node.StartAsync(CancellationToken.None);
        _running.Add(node);
        return node;
    }

    private async Task StopAsync(JobScheduler node)
    {
        await node.StopAsync(CancellationToken.None);
        _running.Remove(node);
    }

    private static JobCatalog Catalog(params (string Name, string Cron)[] jobs) =>
        new([.. jobs.Select(job => new JobDefinition(job.Name, "thử", job.Cron, new JobPeriod.Day(), new DoneWork()))]);

    private static JobCatalog EverySecond(Firings firings) =>
        new([new JobDefinition("pull-mot-cua", "thử", "* * * * * ?", new EachFiring(firings), new DoneWork())]);

    private async Task<List<(string Job, string? Cron, string? State)>> StoredScheduleAsync(ITestWarehouse? warehouse = null)
    {
        await using var c = await (warehouse ?? _w).OpenAsync();
        return (await c.QueryAsync<(string, string?, string?)>("""
            SELECT j.JOB_NAME, c.CRON_EXPRESSION, t.TRIGGER_STATE
            FROM QRTZ_JOB_DETAILS j
            LEFT JOIN QRTZ_TRIGGERS t ON t.SCHED_NAME = j.SCHED_NAME AND t.JOB_NAME = j.JOB_NAME AND t.JOB_GROUP = j.JOB_GROUP
            LEFT JOIN QRTZ_CRON_TRIGGERS c ON c.SCHED_NAME = t.SCHED_NAME AND c.TRIGGER_NAME = t.TRIGGER_NAME AND c.TRIGGER_GROUP = t.TRIGGER_GROUP
            WHERE j.SCHED_NAME = @name
            ORDER BY j.JOB_NAME
            """, new { name = ClusterNode.SchedulerName })).ToList();
    }

    private async Task<List<(string Trigger, long Start)>> TriggerStartsAsync()
    {
        await using var c = await _w.OpenAsync();
        return (await c.QueryAsync<(string, long)>("SELECT TRIGGER_NAME, START_TIME FROM QRTZ_TRIGGERS ORDER BY TRIGGER_NAME")).ToList();
    }

    /// <summary>The runs the ledger finished, with the period and the node (the runner's holder) they name.</summary>
    private async Task<List<(string Period, string Holder, string State)>> FinishedRunsAsync()
    {
        var runs = await new RunLedger(_w.Database).RecentAsync(count: 10_000);
        return runs.Where(run => run.State != RunState.Running)
            .Select(run => (Part(run.Parameters!, "period"), Part(run.Parameters!, "holder"), run.State)).ToList();
    }

    private static string Part(string parameters, string name) =>
        parameters.Split("; ").Single(part => part.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..];

    private static string Second(DateTime at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Every run the nodes were asked for, by the firing's scheduled time: the runner names a scheduled run's period
    /// before anything else, so this sees duplicates that the lease would then refuse.</summary>
    private sealed class Firings
    {
        private readonly ConcurrentQueue<DateTime> _asked = new();
        public IReadOnlyCollection<DateTime> Asked => _asked;
        public void Add(DateTime at) => _asked.Enqueue(at);
    }

    /// <summary>A period per firing (the scheduled second), recording every run asked for.</summary>
    private sealed record EachFiring(Firings Firings) : JobPeriod
    {
        public override string For(DateTime at)
        {
            Firings.Add(at);
            return Second(at);
        }

        public override bool IsValid(string period) => true;
    }

    private sealed class DoneWork : IJobWork
    {
        public Task<JobWorkResult> RunAsync(string period, CancellationToken ct) => Task.FromResult(new JobWorkResult(true, 1, "xong"));
    }
}
