using Dapper;
using IndicatorWarehouse.Application.Ingest;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Tests.Server.Support;
using IndicatorWarehouse.Tests.Support;
using Microsoft.Data.Sqlite;

namespace IndicatorWarehouse.Tests.Operations;

/// <summary>`iw restore` against a warehouse in use and against backups as people make them (a copied data folder with
/// its -wal, a file missing part of its schema), with real `iw` processes and a real server.</summary>
public sealed class WarehouseInUseTests
{
    [Fact]
    public async Task Restore_WhileServeRuns_IsRefusedAndChangesNothing_ThenGoesThroughOnceItStops()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var backup = Path.Combine(w.Directory, "kho-sao-luu.db");
        Assert.Equal(0, (await IwProcess.RunAsync("backup", "--out", backup, "--db", w.DbPath)).ExitCode);
        var csv = await OnestopFile.WriteAsync(Path.Combine(w.Directory, "sau-sao-luu.csv"), 50);
        Assert.Equal(0, (await IwProcess.RunAsync("ingest", "onestop", csv, "--as-of", OnestopFile.AsOf, "--db", w.DbPath)).ExitCode);

        IwProcess.Result refused;
        await using (await RunningServer.StartAsync(w.Settings))
            refused = await IwProcess.RunAsync("restore", backup, "--db", w.DbPath);
        var restored = await IwProcess.RunAsync("restore", backup, "--db", w.DbPath);

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("đang được dùng", refused.Stderr);
        Assert.Equal(0, restored.ExitCode);
        Assert.Equal(0L, await ScalarAsync<long>(w.DbPath, "SELECT COUNT(*) FROM fact_dossier"));
    }

    [Fact]
    public async Task Restore_WhileAnotherIwCommandRuns_IsRefused()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var backup = Path.Combine(w.Directory, "kho-sao-luu.db");
        Assert.Equal(0, (await IwProcess.RunAsync("backup", "--out", backup, "--db", w.DbPath)).ExitCode);
        var csv = await OnestopFile.WriteAsync(Path.Combine(w.Directory, "lon.csv"), 200_000);

        using var load = IwProcess.Start("ingest", "onestop", csv, "--as-of", OnestopFile.AsOf, "--db", w.DbPath);
        await Eventually.ReadUntilAsync(() => Task.FromResult(new FileInfo(w.DbPath + "-wal") is { Exists: true, Length: > 100_000 }),
            writing => writing || load.HasExited, "the load begins writing");
        Assert.False(load.HasExited, "the load finished before the restore was tried: give it more rows");
        var refused = await IwProcess.RunAsync("restore", backup, "--db", w.DbPath);
        await load.WaitForExitAsync();

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("đang được dùng", refused.Stderr);
        Assert.Equal(0, load.ExitCode);
        Assert.Equal(200_000L, await ScalarAsync<long>(w.DbPath, "SELECT COUNT(*) FROM fact_dossier"));
    }

    [Fact]
    public async Task Restore_OfACopiedDataFolderWithItsWal_KeepsTheCommitsOnlyTheWalHeld()
    {
        await using var source = await TempWarehouse.InitializedAsync();
        var folder = Path.Combine(source.Directory, "ban-sao-thu-muc");
        Directory.CreateDirectory(folder);
        // A connection left open keeps SQLite from folding the WAL into the file when the load closes its own: the
        // state of a data folder copied while a server runs.
        await using (var keeper = new SqliteConnection($"Data Source={source.DbPath};Pooling=False"))
        {
            await keeper.OpenAsync();
            await keeper.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)");
            var csv = await OnestopFile.WriteAsync(Path.Combine(source.Directory, "thang-10.csv"), 300);
            await new IngestService(source.Database, ReferenceFiles.Default()).IngestFileAsync(SourceKind.Onestop, csv, DateTime.Parse(OnestopFile.AsOf));
            Assert.True(new FileInfo(source.DbPath + "-wal").Length > 0, "the load's commit should still be in the WAL");
            File.Copy(source.DbPath, Path.Combine(folder, "warehouse.db"));
            File.Copy(source.DbPath + "-wal", Path.Combine(folder, "warehouse.db-wal"));
        }
        var withoutWal = Path.Combine(source.Directory, "chi-tep-db.db");
        File.Copy(Path.Combine(folder, "warehouse.db"), withoutWal);
        await using var target = await TempWarehouse.InitializedAsync();

        var restore = await IwProcess.RunAsync("restore", Path.Combine(folder, "warehouse.db"), "--db", target.DbPath);

        Assert.True(restore.ExitCode == 0, restore.Stderr);
        Assert.Contains("-wal", restore.Stdout);
        Assert.Equal(300L, await ScalarAsync<long>(target.DbPath, "SELECT COUNT(*) FROM fact_dossier"));
        Assert.Equal(0L, await ScalarAsync<long>(withoutWal, "SELECT COUNT(*) FROM fact_dossier")); // the file alone lacks them
    }

    [Theory]
    [InlineData("DROP VIEW mart_dossier", "view mart_dossier")]
    [InlineData("ALTER TABLE etl_run DROP COLUMN rows", "table etl_run.rows")]
    public async Task Restore_OfABackupMissingPartOfItsSchema_IsRefusedNamingIt(string damage, string named)
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var backup = Path.Combine(w.Directory, "hong.db");
        Assert.Equal(0, (await IwProcess.RunAsync("backup", "--out", backup, "--db", w.DbPath)).ExitCode);
        await using (var c = new SqliteConnection($"Data Source={backup};Pooling=False"))
        {
            await c.OpenAsync();
            await c.ExecuteAsync(damage);
        }
        var before = await File.ReadAllBytesAsync(w.DbPath);

        var restore = await IwProcess.RunAsync("restore", backup, "--db", w.DbPath);

        Assert.Equal(1, restore.ExitCode);
        Assert.Contains(named, restore.Stderr);
        Assert.Equal(before, await File.ReadAllBytesAsync(w.DbPath));
    }

    internal static async Task<T> ScalarAsync<T>(string db, string sql)
    {
        await using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await c.OpenAsync();
        return (await c.ExecuteScalarAsync<T>(sql))!;
    }
}
