using Dapper;
using IndicatorWarehouse.Application.Build;
using IndicatorWarehouse.Application.Ingest;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Server.Configuration;
using IndicatorWarehouse.Server.Jobs;
using IndicatorWarehouse.Tests.Ingestion.Http;
using IndicatorWarehouse.Tests.Support;
using IndicatorWarehouse.Warehouse.Ledger;

namespace IndicatorWarehouse.Tests.Server;

public sealed class JobRunnerTests : IAsyncLifetime
{
    private static readonly DateTime At = new(2026, 11, 20, 10, 30, 0);
    private readonly string _drop = Path.Combine(Path.GetTempPath(), "iw-drop-" + Guid.NewGuid().ToString("N")[..8]);
    private TempWarehouse _w = default!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_drop);
        _w = await TempWarehouse.InitializedAsync();
    }

    public async Task DisposeAsync()
    {
        await _w.DisposeAsync();
        try { Directory.Delete(_drop, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Run_DropFolderWithANewFile_IngestsBuildsAndRecordsTheRunInTheLedger()
    {
        File.Copy(ReferenceFiles.Default().PathOf("samples/onestop.csv"), Path.Combine(_drop, "onestop.csv"));
        // Written at 09:45 UTC, 16:45 in Vietnam: the file is loaded as of then, in the data's zone.
        File.SetLastWriteTimeUtc(Path.Combine(_drop, "onestop.csv"), new DateTime(2026, 11, 20, 9, 45, 0, DateTimeKind.Utc));
        var job = PullJob(new SourceConfig { Name = "mot-cua", Kind = "onestop", Folder = _drop, SettleSeconds = 0 });

        var result = await Runner().RunAsync(job, new JobTrigger(At, JobTriggers.Schedule));

        Assert.Equal(JobOutcome.Succeeded, result.Outcome);
        var run = (await new RunLedger(_w.Database).RecentAsync("pull-mot-cua")).Single();
        Assert.Equal((RunState.Succeeded, "2026-11-20T10:30"), (run.State, result.Period));
        Assert.Equal(15, run.Rows);
        Assert.Contains("period=2026-11-20T10:30", run.Parameters);
        Assert.True(File.Exists(Path.Combine(_drop, "loaded", "onestop.csv")));
        await using var c = await _w.OpenAsync();
        Assert.Equal(15, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM fact_dossier"));
        Assert.Equal(new DateTime(2026, 11, 20, 16, 45, 0), await c.ExecuteScalarAsync<DateTime>("SELECT as_of FROM etl_snapshot"));
        Assert.True(await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM fact_indicator_value WHERE agency_code = 'TNI.SYT'") > 0);
    }

    [Fact]
    public async Task Run_SameFileDroppedAgain_IsSkippedAsNothingNew()
    {
        var sample = ReferenceFiles.Default().PathOf("samples/onestop.csv");
        File.Copy(sample, Path.Combine(_drop, "a.csv"));
        var job = PullJob(new SourceConfig { Name = "mot-cua", Kind = "onestop", Folder = _drop, SettleSeconds = 0 });
        await Runner().RunAsync(job, new JobTrigger(At, JobTriggers.Schedule));
        File.Copy(sample, Path.Combine(_drop, "b.csv"));

        var second = await Runner().RunAsync(job, new JobTrigger(At.AddMinutes(30), JobTriggers.Schedule));

        Assert.Equal(JobOutcome.NothingNew, second.Outcome);
        Assert.Equal([RunState.Skipped, RunState.Succeeded], (await new RunLedger(_w.Database).RecentAsync("pull-mot-cua")).Select(r => r.State));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM etl_snapshot"));
    }

    [Fact]
    public async Task Run_SecondRunnerSameJobAndPeriod_IsRefusedByTheLeaseWhileRunningAndAfterwards()
    {
        var work = new GatedWork();
        var job = new JobDefinition("scorecards", "test", "0 0 6 * * ?", new JobPeriod.ClosedMonth(5), work);
        var first = Runner("server-a").RunAsync(job, new JobTrigger(new DateTime(2026, 12, 5, 6, 0, 0), JobTriggers.Schedule));
        await work.Started.Task;

        var whileRunning = await Runner("server-b").RunAsync(job, new JobTrigger(new DateTime(2026, 12, 5, 6, 0, 0), JobTriggers.Schedule));
        work.Release.SetResult();
        var done = await first;
        var afterwards = await Runner("server-b").RunAsync(job, new JobTrigger(new DateTime(2026, 12, 6, 6, 0, 0), JobTriggers.Schedule));

        Assert.Equal((JobOutcome.Succeeded, "2026-11"), (done.Outcome, done.Period));
        Assert.Equal((JobOutcome.LeaseHeld, "2026-11"), (whileRunning.Outcome, whileRunning.Period));
        Assert.Equal((JobOutcome.LeaseHeld, "2026-11"), (afterwards.Outcome, afterwards.Period));
        Assert.Equal(1, work.Runs);
        Assert.Single(await new RunLedger(_w.Database).RecentAsync("scorecards"));
    }

    [Fact]
    public async Task Run_ExpiredLeaseOfADeadServer_IsTakenOver()
    {
        await new JobLease(_w.Database).TryAcquireAsync("scorecards", "2026-11", "dead-server", TimeSpan.FromMinutes(-1));
        var work = new GatedWork();
        work.Release.SetResult();
        var job = new JobDefinition("scorecards", "test", "0 0 6 * * ?", new JobPeriod.ClosedMonth(5), work);

        var result = await Runner().RunAsync(job, new JobTrigger(new DateTime(2026, 12, 5, 6, 0, 0), JobTriggers.Schedule));

        Assert.Equal(JobOutcome.Succeeded, result.Outcome);
    }

    [Fact]
    public async Task Run_HttpSourceFailsOnceWith503_KeepsLeaseAndLedgerRowForHangfiresNextAttemptWhichSucceeds()
    {
        var sample = await File.ReadAllTextAsync(ReferenceFiles.Default().PathOf("samples/dvcqg-sync.json"));
        var calls = 0;
        await using var server = new LocalJsonServer(_ => Interlocked.Increment(ref calls) == 1 ? (503, "{}") : (200, sample));
        var job = PullJob(HttpSource(server));
        long? runId = null;

        var first = await Assert.ThrowsAsync<JobAttemptFailedException>(() => Runner("server-a").RunAsync(job,
            new JobTrigger(At, JobTriggers.Schedule), attempt: new JobAttempt("hangfire/7", null, 1, IsLast: false), started: id => runId = id));
        var meanwhile = await Runner("server-b").RunAsync(job, new JobTrigger(At, "cli:test"));
        // Hangfire's second attempt of the same job, here on the other server (the first one died, say).
        var second = await Runner("server-b").RunAsync(job, new JobTrigger(At, JobTriggers.Schedule),
            attempt: new JobAttempt("hangfire/7", runId, 2, IsLast: true));

        Assert.Contains("503", first.Message);
        Assert.Equal(JobOutcome.LeaseHeld, meanwhile.Outcome);
        Assert.Equal((JobOutcome.Succeeded, 2, runId), (second.Outcome, second.Attempts, second.RunId));
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(RunState.Succeeded, (await new RunLedger(_w.Database).RecentAsync("pull-dvcqg")).Single().State);
    }

    [Fact]
    public async Task Run_HttpSourceAnswersDataMissingRequiredFields_FailsAtOnceWithoutRetry()
    {
        await using var server = new LocalJsonServer(_ => (200, """[{"Khac": "không phải hồ sơ"}]"""));
        var job = PullJob(HttpSource(server));

        var result = await Runner().RunAsync(job, new JobTrigger(At, JobTriggers.Schedule), attempt: new JobAttempt("hangfire/8", null, 1, IsLast: false));

        Assert.Equal((JobOutcome.Failed, 1), (result.Outcome, result.Attempts));
        Assert.Single(server.Requests);
        var run = (await new RunLedger(_w.Database).RecentAsync("pull-dvcqg")).Single();
        Assert.Equal(RunState.Failed, run.State);
        Assert.Contains("bị từ chối", run.Error);
        Assert.Single(Directory.GetFiles(Path.Combine(_drop, "rejected")));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM etl_snapshot"));
    }

    [Fact]
    public async Task Run_ScheduledWhilePaused_DoesNothingButARunByHandRuns()
    {
        var work = new GatedWork();
        work.Release.SetResult();
        var job = new JobDefinition("quick-reports", "test", "0 30 15 ? * MON-FRI", new JobPeriod.Day(), work);
        await new JobPauses(_w.Database).PauseAsync("quick-reports", "test");

        var scheduled = await Runner().RunAsync(job, new JobTrigger(At, JobTriggers.Schedule));
        var byHand = await Runner().RunAsync(job, new JobTrigger(At, "cli:test"));

        Assert.Equal((JobOutcome.Paused, JobOutcome.Succeeded), (scheduled.Outcome, byHand.Outcome));
        Assert.Equal(1, work.Runs);
    }

    [Theory]
    [InlineData("2026-12-05", "2026-11")]
    [InlineData("2026-12-04", "2026-10")]
    [InlineData("2026-01-20", "2025-12")]
    public void ClosedMonth_DueOnTheFifth_IsTheLatestMonthPastItsDueDay(string day, string month) =>
        Assert.Equal(month, new JobPeriod.ClosedMonth(5).For(DateTime.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    private JobRunner Runner(string holder = "test-server") =>
        new(_w.Database, new JobRetry(new RetryConfig { Attempts = 3, DelaySeconds = 0.01 }, _w.Database.Dialect), TimeSpan.FromMinutes(10), holder);

    private JobDefinition PullJob(SourceConfig source)
    {
        var reference = ReferenceFiles.Default();
        return new JobDefinition(JobCatalog.PullJobName(source), "test", source.Cron, new JobPeriod.Minute(),
            new PullSourceWork(source, new IngestService(_w.Database, reference), new BuildService(_w.Database, reference), new HttpClient(), _w.Database.Clock));
    }

    private SourceConfig HttpSource(LocalJsonServer server) => new()
    {
        Name = "dvcqg", Kind = "onestop", Folder = _drop, Profile = "dvcqg-sync", SettleSeconds = 0,
        Http = new HttpSourceConfig { Url = server.BaseUrl + "hoso" },
    };

    private async Task<long> CountAsync(string sql)
    {
        await using var c = await _w.OpenAsync();
        return await c.ExecuteScalarAsync<long>(sql);
    }

    /// <summary>Work that signals when it starts and finishes only when released, counting its runs.</summary>
    private sealed class GatedWork : IJobWork
    {
        private int _runs;
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Runs => _runs;

        public async Task<JobWorkResult> RunAsync(string period, CancellationToken ct)
        {
            Interlocked.Increment(ref _runs);
            Started.TrySetResult();
            await Release.Task;
            return new JobWorkResult(true, 1, "done");
        }
    }
}
