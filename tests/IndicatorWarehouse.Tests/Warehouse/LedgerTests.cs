using IndicatorWarehouse.Tests.Support;
using IndicatorWarehouse.Warehouse.Ledger;

namespace IndicatorWarehouse.Tests.Warehouse;

public sealed class SqliteLedgerTests : LedgerTests<SqliteProvider>;
public sealed class SqlServerLedgerTests : LedgerTests<SqlServerProvider>;

/// <summary>The run ledger, job leases and pauses that servers share, on every provider.</summary>
public abstract class LedgerTests<TProvider> : WarehouseTests<TProvider> where TProvider : WarehouseProvider, new()
{
    [ProviderFact]
    public async Task RunLedger_FinishedRun_ReadsBackWithItsTimesStateAndRows()
    {
        await using var w = await InitializedAsync();
        var ledger = new RunLedger(w.Database);
        // The ledger keeps the data's time (Vietnam), whatever zone this machine is in.
        var before = w.Database.Clock.Now.AddSeconds(-1);

        var id = await ledger.StartAsync("pull-onestop", "2026-10-05");
        await ledger.FinishAsync(id, "failed", 12, "tệp không đọc được");

        var run = Assert.Single(await ledger.RecentAsync("pull-onestop"));
        Assert.Equal((id, "2026-10-05", "failed", (long?)12, "tệp không đọc được"), (run.RunId, run.Parameters, run.State, run.Rows, run.Error));
        Assert.InRange(run.StartedAt, before, w.Database.Clock.Now);
        Assert.NotNull(run.EndedAt);
    }

    [ProviderFact]
    public async Task JobLease_SecondHolder_IsRefusedUntilTheFirstReleases()
    {
        await using var w = await InitializedAsync();
        var lease = new JobLease(w.Database);
        var ttl = TimeSpan.FromMinutes(10);

        Assert.True(await lease.TryAcquireAsync("scorecards", "2026-10", "node-a", ttl));
        Assert.False(await lease.TryAcquireAsync("scorecards", "2026-10", "node-b", ttl));
        Assert.False(await lease.TryAcquireAsync("scorecards", "2026-10", "node-b", ttl, force: true));
        await lease.ReleaseAsync("scorecards", "2026-10", "node-a");
        Assert.True(await lease.TryAcquireAsync("scorecards", "2026-10", "node-b", ttl));
    }

    [ProviderFact]
    public async Task JobLease_CompletedPeriod_IsTakenOnlyByAForcedRerun()
    {
        await using var w = await InitializedAsync();
        var lease = new JobLease(w.Database);
        var ttl = TimeSpan.FromMinutes(10);
        var runId = await new RunLedger(w.Database).StartAsync("scorecards", "2026-10");

        Assert.True(await lease.TryAcquireAsync("scorecards", "2026-10", "node-a", ttl));
        await lease.CompleteAsync("scorecards", "2026-10", "node-a", runId);

        Assert.False(await lease.TryAcquireAsync("scorecards", "2026-10", "node-b", ttl));
        Assert.True(await lease.TryAcquireAsync("scorecards", "2026-10", "node-b", ttl, force: true));
    }

    [ProviderFact]
    public async Task JobPauses_PauseAndResume_AreSeenByEveryReader()
    {
        await using var w = await InitializedAsync();
        var pauses = new JobPauses(w.Database);

        await pauses.PauseAsync("alerts", "admin");
        Assert.True(await pauses.IsPausedAsync("alerts"));
        Assert.Equal(["alerts"], await pauses.PausedAsync());
        await pauses.ResumeAsync("alerts");

        Assert.False(await pauses.IsPausedAsync("alerts"));
    }
}
