using System.Text.Json;
using Dapper;
using IndicatorWarehouse.Tests.Ingestion.Support;
using IndicatorWarehouse.Tests.Support;

namespace IndicatorWarehouse.Tests.Operations;

/// <summary>`iw snapshots` as a person runs it: real processes on a real SQLite warehouse.</summary>
public sealed class SnapshotsCommandTests
{
    private static async Task<IwProcess.Result> IwAsync(TempWarehouse w, params string[] args) =>
        await IwProcess.RunAsync([.. args, "--db", w.DbPath]);

    private static async Task<long> ScalarAsync(TempWarehouse w, string sql)
    {
        await using var c = await w.OpenAsync();
        return await c.ExecuteScalarAsync<long>(sql);
    }

    [Fact]
    public async Task Snapshots_RevertOfALoadALaterOneChanged_IsRefusedUntilTheLaterOneIsReverted()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var first = Path.Combine(w.Directory, "onestop-1.csv");
        var second = Path.Combine(w.Directory, "onestop-2.csv");
        await File.WriteAllTextAsync(first, CanonicalCsv.Dossiers(
            new() { ["dossier_code"] = "A-1", ["finished_at"] = "", ["returned_at"] = "", ["status"] = "4" },
            new() { ["dossier_code"] = "A-2" }));
        await File.WriteAllTextAsync(second, CanonicalCsv.Dossiers(new Dictionary<string, string> { ["dossier_code"] = "A-1" }));
        Assert.Equal(0, (await IwAsync(w, "ingest", "onestop", first, "--as-of", "2026-11-20T17:00")).ExitCode);
        Assert.Equal(0, (await IwAsync(w, "ingest", "onestop", second, "--as-of", "2026-11-21T17:00")).ExitCode);

        var list = await IwAsync(w, "snapshots", "list", "--format", "json");
        var show = await IwAsync(w, "snapshots", "show", "1");
        var refused = await IwAsync(w, "snapshots", "revert", "1");

        Assert.Equal([2L, 1L], JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray().Select(s => s.GetProperty("snapshot_id").GetInt64()));
        Assert.Contains("thêm mới 2", show.Stdout);
        Assert.Contains("iw snapshots revert 1 --cascade", show.Stdout);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("2 (onestop, onestop-2.csv)", refused.Stderr);
        Assert.Equal(2, await ScalarAsync(w, "SELECT COUNT(*) FROM fact_dossier"));

        var later = await IwAsync(w, "snapshots", "revert", "2");
        var earlier = await IwAsync(w, "snapshots", "revert", "1");

        Assert.True(later.ExitCode == 0, later.Stderr);
        Assert.Contains("khôi phục 1 bản ghi, xóa 0 bản ghi", later.Stdout);
        Assert.True(earlier.ExitCode == 0, earlier.Stderr);
        Assert.Contains("xóa 2 bản ghi", earlier.Stdout);
        Assert.Equal(0, await ScalarAsync(w, "SELECT COUNT(*) FROM fact_dossier"));
        var reloaded = await IwAsync(w, "ingest", "onestop", first, "--as-of", "2026-11-20T17:00");
        Assert.Contains("snapshot 3", reloaded.Stdout);
        Assert.Equal(2, await ScalarAsync(w, "SELECT COUNT(*) FROM fact_dossier"));
    }

    [Fact]
    public async Task SnapshotsRevert_Cascade_RevertsTheLaterLoadToo()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var first = Path.Combine(w.Directory, "pakn-1.csv");
        var second = Path.Combine(w.Directory, "pakn-2.csv");
        await File.WriteAllTextAsync(first, CanonicalCsv.Rows(IndicatorWarehouse.Ingestion.Records.CanonicalSchema.Pakn, CanonicalCsv.ValidPakn,
            new Dictionary<string, string> { ["handled_at"] = "", ["state"] = "processing", ["reaction"] = "" }));
        await File.WriteAllTextAsync(second, CanonicalCsv.Rows(IndicatorWarehouse.Ingestion.Records.CanonicalSchema.Pakn, CanonicalCsv.ValidPakn));
        await IwAsync(w, "ingest", "pakn", first, "--as-of", "2026-11-20T17:00");
        await IwAsync(w, "ingest", "pakn", second, "--as-of", "2026-11-21T17:00");

        var cascade = await IwAsync(w, "snapshots", "revert", "1", "--cascade");

        Assert.True(cascade.ExitCode == 0, cascade.Stderr);
        Assert.Contains("Đã hoàn tác lô 2", cascade.Stdout);
        Assert.Contains("Đã hoàn tác lô 1", cascade.Stdout);
        Assert.Equal(0, await ScalarAsync(w, "SELECT COUNT(*) FROM fact_pakn"));
        Assert.Equal(2, await ScalarAsync(w, "SELECT COUNT(*) FROM etl_snapshot WHERE reverted_at IS NOT NULL"));
    }
}
