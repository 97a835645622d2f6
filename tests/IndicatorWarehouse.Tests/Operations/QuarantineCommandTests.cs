using System.Text;
using System.Text.Json;
using Dapper;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Tests.Ingestion.Support;
using IndicatorWarehouse.Tests.Support;

namespace IndicatorWarehouse.Tests.Operations;

/// <summary>`iw quarantine` as staff use it: list what was refused, export it, fix the file, load it back — real
/// processes, real files, a real SQLite warehouse.</summary>
public sealed class QuarantineCommandTests
{
    private const string AsOf = "2026-11-20T17:00";

    private static async Task<IwProcess.Result> IwAsync(TempWarehouse w, params string[] args)
    {
        var result = await IwProcess.RunAsync([.. args, "--db", w.DbPath]);
        Assert.True(result.ExitCode == 0, $"iw {string.Join(' ', args)} exited with {result.ExitCode}: {result.Stderr}");
        return result;
    }

    private static List<JsonElement> Json(IwProcess.Result result) => JsonDocument.Parse(result.Stdout).RootElement.EnumerateArray().ToList();

    /// <summary>A person's fix in Excel: one cell text replaced by another.</summary>
    private static async Task FixAsync(string path, string wrong, string right)
    {
        var text = await File.ReadAllTextAsync(path);
        Assert.Contains(wrong, text);
        await File.WriteAllTextAsync(path, text.Replace(wrong, right), new UTF8Encoding(true));
    }

    [Fact]
    public async Task Quarantine_ExportFixAndRetry_LoadsTheCorrectedRowsAndSettlesTheirEntriesKeepingTheReasons()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var source = Path.Combine(w.Directory, "onestop.csv");
        await File.WriteAllTextAsync(source, CanonicalCsv.Dossiers(
            new() { ["dossier_code"] = "OK-1" },
            new() { ["dossier_code"] = "BAD-1", ["received_at"] = "2026-13-45T09:00:00" },
            new() { ["dossier_code"] = "BAD-2", ["finished_at"] = "2026-10-01T09:00:00", ["returned_at"] = "" }));
        await IwAsync(w, "ingest", "onestop", source, "--as-of", AsOf);

        var open = Json(await IwAsync(w, "quarantine", "list", "--open", "--format", "json"));
        var exportPath = Path.Combine(w.Directory, "sua-loi.csv");
        var export = await IwAsync(w, "quarantine", "export", "--out", exportPath);

        Assert.Equal(["BAD-1", "BAD-2"], open.Select(e => e.GetProperty("record_key").GetString()));
        Assert.Equal(["received_at", "finished_at"], open.Select(e => e.GetProperty("field").GetString()));
        Assert.Contains("2 dòng", export.Stdout);
        var bytes = await File.ReadAllBytesAsync(exportPath);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = (await File.ReadAllLinesAsync(exportPath)).ToList();
        Assert.Equal("iw_quarantine_id,iw_snapshot_id,iw_source,iw_profile,iw_line,iw_field,iw_reason," +
            string.Join(",", CanonicalSchema.Onestop.Fields.Select(f => f.Name)), lines[0]);
        Assert.Equal(3, lines.Count);
        Assert.StartsWith("1,1,onestop,,3,received_at,", lines[1]);
        Assert.Contains(",BAD-1,", lines[1]);
        Assert.StartsWith("2,1,onestop,,4,finished_at,", lines[2]);

        await FixAsync(exportPath, "2026-13-45T09:00:00", "2026-10-09T09:00:00");
        await FixAsync(exportPath, "2026-10-01T09:00:00", "2026-10-20T16:00:00");
        var retry = await IwAsync(w, "quarantine", "retry", exportPath);

        Assert.Contains("loaded 2", retry.Stdout);
        Assert.Contains("Đã xử lý 2 mục cách ly", retry.Stdout);
        Assert.Empty(Json(await IwAsync(w, "quarantine", "list", "--open", "--format", "json")));
        var all = Json(await IwAsync(w, "quarantine", "list", "--format", "json"));
        Assert.All(all, e => Assert.Equal("resolved", e.GetProperty("state").GetString()));
        Assert.Equal(open.Select(e => e.GetProperty("reason").GetString()), all.Select(e => e.GetProperty("reason").GetString()));
        await using var c = await w.OpenAsync();
        var loaded = await c.QueryAsync<(string Code, long Snapshot, string AsOf)>(
            "SELECT dossier_code, last_snapshot_id, source_as_of FROM fact_dossier WHERE dossier_code LIKE 'BAD-%' ORDER BY dossier_code");
        // The retry describes the moment of the file it corrects.
        Assert.Equal([("BAD-1", 2L, "2026-11-20T17:00:00"), ("BAD-2", 2L, "2026-11-20T17:00:00")], loaded);
    }

    [Fact]
    public async Task QuarantineRetry_TargetWithAnIndicatorOutsideTheCatalog_IsSettledByTheCorrectedRow()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var targets = Path.Combine(w.Directory, "targets.csv");
        await File.WriteAllTextAsync(targets, "agency_code,indicator,period,comparator,value,source_document,clause\n" +
            "TNI.SYT,online_rat,2026,>=,60,KH 01/2026,I.2\n");
        Assert.Contains("quarantined 1", (await IwAsync(w, "ingest", "targets", targets, "--as-of", AsOf)).Stdout);
        var exportPath = Path.Combine(w.Directory, "sua-loi.csv");
        await IwAsync(w, "quarantine", "export", "--out", exportPath, "--source", "targets");

        await FixAsync(exportPath, "online_rat", "online_rate");
        var retry = await IwAsync(w, "quarantine", "retry", exportPath);

        Assert.Contains("loaded 1", retry.Stdout);
        Assert.Empty(Json(await IwAsync(w, "quarantine", "list", "--open", "--format", "json")));
    }

    [Fact]
    public async Task QuarantineRetry_RowsOfAVendorProfile_AreReadBackWithThatProfile()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var sample = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "reference", "samples", "mot-cua-excel.csv"));
        var source = Path.Combine(w.Directory, "mot-cua.csv");
        await File.WriteAllTextAsync(source, sample.Replace("01/10/2026 08:05", "32/10/2026 08:05"), new UTF8Encoding(true));
        var ingest = await IwAsync(w, "ingest", "onestop", source, "--profile", "mot-cua-excel", "--as-of", AsOf);
        Assert.Contains("quarantined 1", ingest.Stdout);
        var exportPath = Path.Combine(w.Directory, "sua-loi.csv");
        await IwAsync(w, "quarantine", "export", "--out", exportPath, "--source", "onestop");
        Assert.Contains("Ngày tiếp nhận", (await File.ReadAllLinesAsync(exportPath))[0]);

        await FixAsync(exportPath, "32/10/2026 08:05", "01/10/2026 08:05");
        var retry = await IwAsync(w, "quarantine", "retry", exportPath);

        Assert.Contains("loaded 1", retry.Stdout);
        await using var c = await w.OpenAsync();
        Assert.Equal("mot-cua-excel", await c.ExecuteScalarAsync<string>("SELECT profile FROM etl_snapshot WHERE snapshot_id = 2"));
        Assert.Equal("2026-10-01T08:05:00", await c.ExecuteScalarAsync<string>(
            "SELECT received_at FROM fact_dossier WHERE dossier_code = '000.00.14.H57-261001-0100'"));
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM etl_quarantine WHERE resolved_at IS NULL"));
    }

    [Fact]
    public async Task QuarantineExport_EntriesOfTwoSources_IsRefusedUntilOneIsChosen()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var dossiers = Path.Combine(w.Directory, "onestop.csv");
        var pakn = Path.Combine(w.Directory, "pakn.csv");
        await File.WriteAllTextAsync(dossiers, CanonicalCsv.Dossiers(new Dictionary<string, string> { ["received_at"] = "hôm qua" }));
        await File.WriteAllTextAsync(pakn, CanonicalCsv.Rows(CanonicalSchema.Pakn, CanonicalCsv.ValidPakn, new Dictionary<string, string> { ["received_at"] = "" }));
        await IwAsync(w, "ingest", "onestop", dossiers, "--as-of", AsOf);
        await IwAsync(w, "ingest", "pakn", pakn, "--as-of", AsOf);
        var exportPath = Path.Combine(w.Directory, "q.csv");

        var mixed = await IwProcess.RunAsync("quarantine", "export", "--out", exportPath, "--db", w.DbPath);
        var one = await IwAsync(w, "quarantine", "export", "--out", exportPath, "--source", "pakn");

        Assert.NotEqual(0, mixed.ExitCode);
        Assert.Contains("--source", mixed.Stderr);
        Assert.Contains("1 dòng", one.Stdout);
        Assert.Contains(",pakn,", (await File.ReadAllLinesAsync(exportPath))[1]);
    }
}
