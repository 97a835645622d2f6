using System.Security.Cryptography;
using System.Text;
using Dapper;
using IndicatorWarehouse.Tests.Support;
using IndicatorWarehouse.Warehouse.Dialects.SqlServer;
using Microsoft.Data.Sqlite;

namespace IndicatorWarehouse.Tests.Operations;

/// <summary>`iw backup` and `iw restore` on real SQLite files, with real `iw` processes writing alongside.</summary>
public sealed class BackupCommandTests
{
    private const string Header = "dossier_code,procedure_code,procedure_name,field_code,field_name,agency_code,agency_name,applicant_type," +
        "received_at,due_at,finished_at,returned_at,status,channel,online_service,fee_amount,paid_online,supplement_requests," +
        "supplement_wait_days,apology_issued,late_reason,citizen_rating";

    private static async Task<string> WriteOnestopCsvAsync(string directory, string name, int rows)
    {
        var path = Path.Combine(directory, name + ".csv");
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        await writer.WriteLineAsync(Header);
        for (var i = 0; i < rows; i++)
        {
            var day = new DateTime(2026, 1, 5).AddDays(i % 300);
            await writer.WriteLineAsync($"{name}-{i:0000000},1.005129,Cấp giấy phép hành nghề,KCB,Khám bệnh,TNI.SYT,Sở Y tế Tây Ninh,1," +
                $"{day:yyyy-MM-ddTHH:mm:ss},{day.AddDays(10):yyyy-MM-ddTHH:mm:ss},{day.AddDays(7):yyyy-MM-ddTHH:mm:ss},,10,2,toan_trinh,0,0,0,0,0,,");
        }
        return path;
    }

    private static async Task<IwProcess.Result> IwAsync(params string[] args)
    {
        var result = await IwProcess.RunAsync(args);
        Assert.True(result.ExitCode == 0, $"iw {string.Join(' ', args)} exited with {result.ExitCode}: {result.Stderr}");
        return result;
    }

    private static async Task<T> ScalarAsync<T>(string db, string sql)
    {
        await using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await c.OpenAsync();
        return (await c.ExecuteScalarAsync<T>(sql))!;
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    [Fact]
    public async Task Backup_TakenWhileALoadRuns_RestoresToAConsistentWarehouse()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var small = await WriteOnestopCsvAsync(w.Directory, "small", 1_000);
        var large = await WriteOnestopCsvAsync(w.Directory, "large", 250_000);
        await IwAsync("ingest", "onestop", small, "--as-of", "2026-11-20T17:00", "--db", w.DbPath);
        var backup = Path.Combine(w.Directory, "sao-luu", "kho.db");

        IwProcess.Result backedUp;
        using (var load = IwProcess.Start("ingest", "onestop", large, "--as-of", "2026-11-20T17:00", "--db", w.DbPath))
        {
            // Back up once the load has begun writing its snapshot (the WAL holds pages of its open transaction).
            var wal = w.DbPath + "-wal";
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!load.HasExited && DateTime.UtcNow < deadline && new FileInfo(wal) is not { Exists: true, Length: > 1_000_000 })
                await Task.Delay(20);
            Assert.False(load.HasExited, "the load finished before the backup began: give it more rows");
            backedUp = await IwAsync("backup", "--out", backup, "--db", w.DbPath);
            await load.WaitForExitAsync();
            Assert.Equal(0, load.ExitCode);
        }
        var restored = Path.Combine(w.Directory, "restored", "warehouse.db");
        var restore = await IwAsync("restore", backup, "--db", restored);

        Assert.Contains("Đã sao lưu", backedUp.Stdout);
        Assert.Contains("Đã khôi phục", restore.Stdout);
        Assert.Equal("ok", await ScalarAsync<string>(restored, "PRAGMA integrity_check"));
        var snapshots = await ScalarAsync<long>(restored, "SELECT COUNT(*) FROM etl_snapshot");
        var dossiers = await ScalarAsync<long>(restored, "SELECT COUNT(*) FROM fact_dossier");
        // Either none or all of the running load's rows, and exactly what the snapshots in the copy say they loaded.
        Assert.True((snapshots, dossiers) is (1, 1_000) or (2, 251_000), $"{snapshots} snapshots, {dossiers} dossiers");
        Assert.Equal(dossiers, await ScalarAsync<long>(restored, "SELECT SUM(rows_inserted) FROM etl_snapshot"));
        Assert.Equal(1L, await ScalarAsync<long>(restored, "SELECT COUNT(*) FROM etl_run WHERE job = 'restore' AND state = 'succeeded'"));
        Assert.Equal(1L, await ScalarAsync<long>(w.DbPath, "SELECT COUNT(*) FROM etl_run WHERE job = 'backup' AND state = 'succeeded'"));
        Assert.False(File.Exists(backup + "-wal"), "a backup is one self-contained file");
    }

    [Fact]
    public async Task Restore_OverAWarehouse_ReplacesItWithTheBackup()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var first = await WriteOnestopCsvAsync(w.Directory, "first", 10);
        var second = await WriteOnestopCsvAsync(w.Directory, "second", 20);
        await IwAsync("ingest", "onestop", first, "--as-of", "2026-11-20T17:00", "--db", w.DbPath);
        var backup = Path.Combine(w.Directory, "kho.bak");
        await IwAsync("backup", "--out", backup, "--db", w.DbPath);
        await IwAsync("ingest", "onestop", second, "--as-of", "2026-11-21T17:00", "--db", w.DbPath);

        await IwAsync("restore", backup, "--db", w.DbPath);

        Assert.Equal(10L, await ScalarAsync<long>(w.DbPath, "SELECT COUNT(*) FROM fact_dossier"));
        var again = await IwAsync("ingest", "onestop", second, "--as-of", "2026-11-21T17:00", "--db", w.DbPath);
        Assert.Contains("loaded 20", again.Stdout);
        Assert.Empty(Directory.GetFiles(w.Directory, "*.tmp"));
    }

    [Fact]
    public async Task Restore_DamagedOrForeignFile_IsRefusedAndTheWarehouseStaysAsItWas()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var backup = Path.Combine(w.Directory, "kho.bak");
        await IwAsync("backup", "--out", backup, "--db", w.DbPath);
        var truncated = Path.Combine(w.Directory, "cut.bak");
        var bytes = await File.ReadAllBytesAsync(backup);
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length / 2)]);
        var text = Path.Combine(w.Directory, "notes.bak");
        await File.WriteAllTextAsync(text, "không phải cơ sở dữ liệu");
        var foreign = Path.Combine(w.Directory, "other.db");
        await using (var c = new SqliteConnection($"Data Source={foreign};Pooling=False"))
        {
            await c.OpenAsync();
            await c.ExecuteAsync("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);");
        }
        var before = Hash(w.DbPath);

        var results = new[] { await IwProcess.RunAsync("restore", truncated, "--db", w.DbPath),
            await IwProcess.RunAsync("restore", text, "--db", w.DbPath), await IwProcess.RunAsync("restore", foreign, "--db", w.DbPath) };

        Assert.All(results, r => Assert.NotEqual(0, r.ExitCode));
        Assert.Contains("damaged", results[0].Stderr);
        Assert.Contains("not a SQLite database", results[1].Stderr);
        Assert.Contains("not a warehouse backup", results[2].Stderr);
        Assert.Equal(before, Hash(w.DbPath));
        Assert.Empty(Directory.GetFiles(w.Directory, "*.tmp"));
    }

    [Fact]
    public async Task Restore_BackupOfANewerBuild_IsRefused()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var backup = Path.Combine(w.Directory, "kho.bak");
        await IwAsync("backup", "--out", backup, "--db", w.DbPath);
        await using (var c = new SqliteConnection($"Data Source={backup};Pooling=False"))
        {
            await c.OpenAsync();
            await c.ExecuteAsync("INSERT INTO etl_schema_version (version, name, checksum, applied_at) VALUES (999, 'future', 'x', '2030-01-01')");
        }

        var result = await IwProcess.RunAsync("restore", backup, "--db", w.DbPath);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("newer iw", result.Stderr);
    }

    [Fact]
    public async Task Restore_WhileAnotherProcessHasTheWarehouseOpen_IsRefused()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var backup = Path.Combine(w.Directory, "kho.bak");
        await IwAsync("backup", "--out", backup, "--db", w.DbPath);
        var before = Hash(w.DbPath);

        IwProcess.Result result;
        await using (var open = await w.OpenAsync())
        {
            await open.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM etl_snapshot");
            result = await IwProcess.RunAsync("restore", backup, "--db", w.DbPath);
        }

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("in use", result.Stderr);
        Assert.Equal(before, Hash(w.DbPath));
    }

    [Fact]
    public async Task Backup_OnSqlServer_PointsToTheServersOwnBackup()
    {
        var backup = new SqlServerDialect().Backup("Server=db01;Database=iw;User ID=x;Password=y");

        var refusal = await Assert.ThrowsAsync<NotSupportedException>(() => backup.BackupAsync("/tmp/iw.bak"));

        Assert.Contains("BACKUP DATABASE", refusal.Message);
        Assert.Contains("sql/sqlserver/README.md", refusal.Message);
        Assert.DoesNotContain("Password", refusal.Message);
    }
}
