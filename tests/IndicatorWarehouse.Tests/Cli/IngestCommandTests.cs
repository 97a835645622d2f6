using Dapper;
using IndicatorWarehouse.Tests.Support;

namespace IndicatorWarehouse.Tests.Cli;

/// <summary>`iw ingest` as a user runs it: a real process, real files, a real SQLite warehouse.</summary>
public sealed class IngestCommandTests
{
    private static Task<string> WriteOnestopCsvAsync(string directory, int rows) =>
        OnestopFile.WriteAsync(Path.Combine(directory, "onestop.csv"), rows);

    private static async Task<long> CountAsync(TempWarehouse w, string sql)
    {
        await using var c = await w.OpenAsync();
        return await c.ExecuteScalarAsync<long>(sql);
    }

    [Fact]
    public async Task Ingest_KilledMidLoad_LeavesNoTraceAndTheNextLoadSucceeds()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var file = await WriteOnestopCsvAsync(w.Directory, 250_000);

        using (var load = IwProcess.Start("ingest", "onestop", file, "--as-of", "2026-11-20T17:00", "--db", w.DbPath))
        {
            // Kill once the load has begun writing its snapshot (the WAL holds pages of the open transaction).
            var wal = w.DbPath + "-wal";
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!load.HasExited && DateTime.UtcNow < deadline && (!File.Exists(wal) || new FileInfo(wal).Length == 0))
                await Task.Delay(20);
            await Task.Delay(300);
            Assert.False(load.HasExited, "the load finished before it could be killed: give it more rows");
            load.Kill(entireProcessTree: true);
            await load.WaitForExitAsync();
        }

        Assert.Equal(0, await CountAsync(w, "SELECT (SELECT COUNT(*) FROM etl_snapshot) + (SELECT COUNT(*) FROM fact_dossier) + (SELECT COUNT(*) FROM etl_quarantine)"));
        var rerun = await IwProcess.RunAsync("ingest", "onestop", file, "--as-of", "2026-11-20T17:00", "--db", w.DbPath);
        Assert.True(rerun.ExitCode == 0, rerun.Stderr);
        Assert.Equal(250_000, await CountAsync(w, "SELECT COUNT(*) FROM fact_dossier"));
    }

    [Fact]
    public async Task Ingest_SameFileTwice_SecondRunSaysAlreadyLoadedAndChangesNothing()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var file = await WriteOnestopCsvAsync(w.Directory, 50);

        var first = await IwProcess.RunAsync("ingest", "onestop", file, "--as-of", "2026-11-20T17:00", "--db", w.DbPath);
        var second = await IwProcess.RunAsync("ingest", "onestop", file, "--as-of", "2026-11-20T17:00", "--db", w.DbPath);

        Assert.Contains("loaded 50", first.Stdout);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("already loaded", second.Stdout);
        Assert.Equal(1, await CountAsync(w, "SELECT COUNT(*) FROM etl_snapshot"));
    }

    [Fact]
    public async Task Ingest_FileMissingARequiredColumn_IsRejectedWholeWithANonZeroExit()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var file = Path.Combine(w.Directory, "thieu-cot.csv");
        await File.WriteAllTextAsync(file, "dossier_code,procedure_code,agency_code\nA-1,1.005129,TNI.SYT\n");

        var result = await IwProcess.RunAsync("ingest", "onestop", file, "--db", w.DbPath);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("thieu-cot.csv", result.Stderr);
        Assert.Contains("received_at", result.Stderr);
        Assert.Equal(0, await CountAsync(w, "SELECT (SELECT COUNT(*) FROM etl_snapshot) + (SELECT COUNT(*) FROM fact_dossier)"));
    }

    [Fact]
    public async Task Ingest_VendorExcelExportWithProfile_LoadsTheShippedSample()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var sample = Path.Combine(AppContext.BaseDirectory, "reference", "samples", "mot-cua-excel.xlsx");

        var result = await IwProcess.RunAsync("ingest", "onestop", sample, "--profile", "mot-cua-excel", "--as-of", "2026-11-20T17:00", "--db", w.DbPath);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.True(await CountAsync(w, "SELECT COUNT(*) FROM fact_dossier") > 0);
        Assert.Equal(1, await CountAsync(w, "SELECT COUNT(*) FROM etl_snapshot WHERE profile = 'mot-cua-excel'"));
    }
}
