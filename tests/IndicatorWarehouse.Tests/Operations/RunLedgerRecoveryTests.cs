using Dapper;
using IndicatorWarehouse.Tests.Support;
using Microsoft.Data.Sqlite;

namespace IndicatorWarehouse.Tests.Operations;

/// <summary>The ledger and loads under the accidents of operation: a build killed mid-way, two loads of one file at
/// once, a warehouse held by another writer, a file loaded under the wrong as-of, an empty export, a mistyped --db.
/// Real `iw` processes on real files.</summary>
public sealed class RunLedgerRecoveryTests
{
    [Fact]
    public async Task KilledBuild_IsMarkedAbandonedWithTheTimeFound_ByTheNextIwThatStarts()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var csv = await OnestopFile.WriteAsync(Path.Combine(w.Directory, "ho-so.csv"), 100_000);
        Assert.Equal(0, (await IwProcess.RunAsync("ingest", "onestop", csv, "--as-of", OnestopFile.AsOf, "--db", w.DbPath)).ExitCode);

        using (var build = IwProcess.Start("build", "--all", "--db", w.DbPath))
        {
            await Eventually.ReadUntilAsync(() => RunStatesAsync(w.DbPath), states => states.Contains("running") || build.HasExited,
                "the build's run is in the ledger", TimeSpan.FromSeconds(120));
            Assert.False(build.HasExited, "the build ended before it could be killed");
            build.Kill(entireProcessTree: true);
            await build.WaitForExitAsync();
        }
        Assert.Equal(["running"], await RunStatesAsync(w.DbPath));

        var next = await IwProcess.RunAsync("snapshots", "list", "--db", w.DbPath);

        Assert.Equal(0, next.ExitCode);
        Assert.Contains("abandoned", next.Stderr);
        var run = await SingleRunAsync(w.DbPath);
        Assert.Equal("abandoned", run.State);
        Assert.NotNull(run.EndedAt);
        Assert.True(string.CompareOrdinal(run.EndedAt, run.StartedAt) >= 0, $"found {run.EndedAt}, started {run.StartedAt}");
    }

    [Fact]
    public async Task TwoLoadsOfOneFileAtOnce_LoadItOnce_AndTheOtherSaysAlreadyLoaded()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var csv = await OnestopFile.WriteAsync(Path.Combine(w.Directory, "cung-tep.csv"), 60_000);

        var loads = await Task.WhenAll(
            IwProcess.RunAsync("ingest", "onestop", csv, "--as-of", OnestopFile.AsOf, "--db", w.DbPath),
            IwProcess.RunAsync("ingest", "onestop", csv, "--as-of", OnestopFile.AsOf, "--db", w.DbPath));

        Assert.All(loads, l => Assert.True(l.ExitCode == 0, l.Stderr));
        Assert.Single(loads, l => l.Stdout.Contains("already loaded"));
        Assert.DoesNotContain(loads, l => l.Stderr.Contains("UNIQUE"));
        Assert.Equal(1L, await WarehouseInUseTests.ScalarAsync<long>(w.DbPath, "SELECT COUNT(*) FROM etl_snapshot"));
        Assert.Equal(60_000L, await WarehouseInUseTests.ScalarAsync<long>(w.DbPath, "SELECT COUNT(*) FROM fact_dossier"));
    }

    [Fact]
    public async Task Ingest_WhileAnotherProcessHoldsTheWriteLock_SaysItWaits_ThenFailsInWords()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var csv = await OnestopFile.WriteAsync(Path.Combine(w.Directory, "cho.csv"), 10);
        await using var holder = new SqliteConnection($"Data Source={w.DbPath};Pooling=False");
        await holder.OpenAsync();
        await holder.ExecuteAsync("BEGIN IMMEDIATE");

        var load = await IwProcess.RunAsync("ingest", "onestop", csv, "--as-of", OnestopFile.AsOf, "--db", w.DbPath, "--busy-timeout", "2");
        await holder.ExecuteAsync("ROLLBACK");

        Assert.Equal(1, load.ExitCode);
        Assert.Contains("đang bận", load.Stderr);
        Assert.Contains("chờ tối đa 2 giây", load.Stderr);
        Assert.Contains("vẫn bận sau 2 giây", load.Stderr);
        Assert.DoesNotContain("database is locked", load.Stderr);
    }

    [Fact]
    public async Task Reload_UnderACorrectedAsOf_ReplacesTheFirstSnapshot_AndSettlesTheQuarantineItCaused()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var csv = await OnestopFile.WriteAsync(Path.Combine(w.Directory, "thang.csv"), 300);
        // As of 1 March, the dossiers received later are quarantined as "received after the export".
        var early = await IwProcess.RunAsync("ingest", "onestop", csv, "--as-of", "2026-03-01T00:00", "--db", w.DbPath);
        var first = await WarehouseInUseTests.ScalarAsync<long>(w.DbPath, "SELECT MAX(snapshot_id) FROM etl_snapshot");
        var again = await IwProcess.RunAsync("ingest", "onestop", csv, "--as-of", OnestopFile.AsOf, "--db", w.DbPath);
        var quarantined = await WarehouseInUseTests.ScalarAsync<long>(w.DbPath, "SELECT COUNT(*) FROM etl_quarantine WHERE resolved_at IS NULL");

        var reload = await IwProcess.RunAsync("ingest", "onestop", csv, "--as-of", OnestopFile.AsOf, "--reload", "--db", w.DbPath);

        Assert.True(early.ExitCode == 0 && again.ExitCode == 0 && reload.ExitCode == 0, early.Stderr + again.Stderr + reload.Stderr);
        Assert.Contains("already loaded", again.Stdout);
        Assert.InRange(quarantined, 1, 299);
        Assert.Contains($"replaces snapshot {first}", reload.Stdout);
        Assert.Equal(300L, await WarehouseInUseTests.ScalarAsync<long>(w.DbPath, "SELECT COUNT(*) FROM fact_dossier"));
        Assert.Equal(0L, await WarehouseInUseTests.ScalarAsync<long>(w.DbPath, "SELECT COUNT(*) FROM etl_quarantine WHERE resolved_at IS NULL"));
        Assert.Equal(["reverted", "in force"], await QueryAsync<string>(w.DbPath,
            $"SELECT CASE WHEN reverted_at IS NULL THEN 'in force' ELSE 'reverted' END FROM etl_snapshot WHERE snapshot_id >= {first} ORDER BY snapshot_id"));
        Assert.Equal(first + 1, await WarehouseInUseTests.ScalarAsync<long>(w.DbPath,
            "SELECT MIN(last_snapshot_id) FROM fact_dossier"));
    }

    [Fact]
    public async Task EmptyExport_IsLoadedButFlagged_AndIsNoFreshDataForTheStaleSourceAlert()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var full = await OnestopFile.WriteAsync(Path.Combine(w.Directory, "day-du.csv"), 20);
        var empty = await OnestopFile.WriteAsync(Path.Combine(w.Directory, "trong.csv"), 0);
        Assert.Equal(0, (await IwProcess.RunAsync("ingest", "onestop", full, "--as-of", "2026-11-01T17:00", "--db", w.DbPath)).ExitCode);

        var load = await IwProcess.RunAsync("ingest", "onestop", empty, "--as-of", "2026-11-20T17:00", "--db", w.DbPath);

        Assert.Equal(0, load.ExitCode);
        Assert.Contains("empty export", load.Stdout);
        await using var c = await w.OpenAsync();
        var fresh = await new IndicatorWarehouse.Warehouse.Queries.AlertQueries(c).FreshnessAsync();
        Assert.Equal(new DateTime(2026, 11, 1, 17, 0, 0), Assert.Single(fresh, f => f.source == "onestop").latest_as_of);
    }

    [Theory]
    [InlineData("sql", "SELECT 1")]
    [InlineData("build")]
    [InlineData("snapshots", "list")]
    public async Task Command_OnADbThatDoesNotExist_IsRefusedNamingThePath_AndCreatesNothing(params string[] command)
    {
        var missing = Path.Combine(Path.GetTempPath(), "iw-khong-co-" + Guid.NewGuid().ToString("N")[..8], "wrehouse.db");

        var result = await IwProcess.RunAsync([.. command, "--db", missing]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(missing, result.Stderr);
        Assert.Contains("không tồn tại", result.Stderr);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task Demo_WithDb_IsRefusedInsteadOfIgnoringIt()
    {
        var result = await IwProcess.RunAsync("demo", "--db", "kho-cua-toi.db", "--out", Path.Combine(Path.GetTempPath(), "iw-demo-" + Guid.NewGuid().ToString("N")[..8]));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--db", result.Stderr);
        Assert.Contains("--out", result.Stderr);
    }

    private static async Task<List<string>> RunStatesAsync(string db) => await QueryAsync<string>(db, "SELECT state FROM etl_run WHERE job = 'build'");

    private static async Task<(string State, string StartedAt, string? EndedAt)> SingleRunAsync(string db) =>
        Assert.Single(await QueryAsync<(string, string, string?)>(db, "SELECT state, started_at, ended_at FROM etl_run WHERE job = 'build'"));

    private static async Task<List<T>> QueryAsync<T>(string db, string sql)
    {
        await using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await c.OpenAsync();
        return (await c.QueryAsync<T>(sql)).ToList();
    }
}
