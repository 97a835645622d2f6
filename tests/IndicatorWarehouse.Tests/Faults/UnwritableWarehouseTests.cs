using IndicatorWarehouse.Tests.Support;
using static IndicatorWarehouse.Tests.Faults.WarehouseChecks;

namespace IndicatorWarehouse.Tests.Faults;

/// <summary>A warehouse that cannot take a write — its disk fills up mid-load, or its file system is read-only —
/// gives a clear error and a non-zero exit, keeps nothing of the failed load, and loads normally once writable.</summary>
public sealed class UnwritableWarehouseTests
{
    /// <summary>An initialized warehouse copied into a fresh tmpfs of the given size (closed, so the copy is whole).</summary>
    private static async Task<(TmpfsMount Mount, string Db)> WarehouseOnTmpfsAsync(TempWarehouse source, string size)
    {
        var mount = await TmpfsMount.MountAsync(size);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var db = Path.Combine(mount.Directory, "warehouse.db");
        File.Copy(source.DbPath, db);
        return (mount, db);
    }

    [MountFact]
    public async Task Ingest_DiskFullMidLoad_ClearErrorNothingKeptAndTheLoadSucceedsOnceThereIsRoom()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var file = await OnestopFile.WriteAsync(Path.Combine(w.Directory, "onestop.csv"), 30_000);
        // Room for the warehouse and 1 MB more: the load's WAL outgrows it.
        var (mount, db) = await WarehouseOnTmpfsAsync(w, $"{new FileInfo(w.DbPath).Length / 1024 + 1024}k");
        await using var unmount = mount;

        var full = await IwProcess.RunAsync("ingest", "onestop", file, "--as-of", OnestopFile.AsOf, "--db", db);

        Assert.Equal(1, full.ExitCode);
        Assert.Contains("disk is full", full.Stderr);
        await AssertConsistentAsync(db);
        Assert.Equal(0, await ScalarAsync(db, "SELECT (SELECT COUNT(*) FROM etl_snapshot) + (SELECT COUNT(*) FROM fact_dossier) + (SELECT COUNT(*) FROM etl_quarantine)"));

        await mount.ResizeAsync("64m");
        var retry = await IwProcess.RunAsync("ingest", "onestop", file, "--as-of", OnestopFile.AsOf, "--db", db);
        Assert.True(retry.ExitCode == 0, retry.Stderr);
        Assert.Equal(30_000, await ScalarAsync(db, "SELECT COUNT(*) FROM fact_dossier"));
    }

    [MountFact]
    public async Task IngestAndBuild_ReadOnlyFileSystem_SayTheWarehouseCannotBeWrittenAndChangeNothing()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var file = await OnestopFile.WriteAsync(Path.Combine(w.Directory, "onestop.csv"), 100);
        var (mount, db) = await WarehouseOnTmpfsAsync(w, "8m");
        await using var unmount = mount;
        var before = await File.ReadAllBytesAsync(db);
        await mount.MakeReadOnlyAsync();

        var ingest = await IwProcess.RunAsync("ingest", "onestop", file, "--as-of", OnestopFile.AsOf, "--db", db);
        var build = await IwProcess.RunAsync("build", "--all", "--db", db);

        foreach (var refused in new[] { ingest, build })
        {
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("cannot be written", refused.Stderr);
            Assert.Contains(db, refused.Stderr);
        }
        Assert.Equal(before, await File.ReadAllBytesAsync(db));
        Assert.Equal(["warehouse.db"], Directory.GetFiles(mount.Directory).Select(Path.GetFileName));

        await mount.MakeWritableAsync();
        var retry = await IwProcess.RunAsync("ingest", "onestop", file, "--as-of", OnestopFile.AsOf, "--db", db);
        Assert.True(retry.ExitCode == 0, retry.Stderr);
    }
}
