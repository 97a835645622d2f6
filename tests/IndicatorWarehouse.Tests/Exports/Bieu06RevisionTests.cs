using System.Text;
using Dapper;
using IndicatorWarehouse.Application.Exports;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Tests.Support;

namespace IndicatorWarehouse.Tests.Exports;

public sealed class Bieu06RevisionTests
{
    [Fact]
    public async Task Issue_LateCorrection_WorkbookIsMarkedWithTheChangedCellsCsvStaysDataAndTheOriginalIsArchivedUnchanged()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var issuer = new Bieu06Issuer(w.Database, ReferenceFiles.Default());

        var (first, second) = await LateCorrection.IssueBeforeAndAfterAsync(w,
            directory => issuer.IssueAsync("2026-10", "TNI.SYT", null, directory, ExportFormat.Both));
        var reprint = await issuer.IssueAsync("2026-10", "TNI.SYT", null, Path.Combine(w.Directory, "v2"), ExportFormat.Xlsx);

        Assert.Equal(2, first.Paths.Count);
        var original = XlsxGrid.Read(System.IO.File.OpenRead(first.Path));
        var revised = XlsxGrid.Read(System.IO.File.OpenRead(second.Path));
        Assert.DoesNotContain(original, row => row[0] is string s && s.Contains("BẢN ĐIỀU CHỈNH"));
        Assert.StartsWith("BẢN ĐIỀU CHỈNH lần 1 — thay thế bản phát hành", (string)revised[Bieu06Xlsx.RevisionRow - 1][0]!);
        var total = revised.FindIndex(row => (string?)row[1] == "Tổng cộng");
        Assert.Equal(1.0, revised[total][9]);   // column (10): Trả quá hạn
        var notes = revised.Skip(total + 1).Select(row => row[0] as string).OfType<string>().ToList();
        Assert.Contains("- Sở Y tế Tây Ninh, Số hồ sơ đã giải quyết (Trả quá hạn): 0 → 1", notes);
        Assert.Contains("- Tổng cộng, Số hồ sơ đã giải quyết (Trả trước hạn): 2 → 1", notes);

        var csv = Encoding.UTF8.GetString(await System.IO.File.ReadAllBytesAsync(second.Paths[1]));
        Assert.StartsWith("\uFEFFKỳ báo cáo,STT,", csv);
        Assert.DoesNotContain("ĐIỀU CHỈNH", csv);
        var note = await System.IO.File.ReadAllLinesAsync(Assert.Single(second.Paths, p => p.EndsWith(Bieu06Files.RevisionNoteSuffix)));
        Assert.StartsWith("BẢN ĐIỀU CHỈNH lần 1", note[0]);
        Assert.Contains("- Sở Y tế Tây Ninh, Số hồ sơ đã giải quyết (Trả quá hạn): 0 → 1", note);

        Assert.True(reprint.Status.AlreadyIssued);
        await using var c = await w.OpenAsync();
        var archived = (await c.QueryAsync<(string Scope, long Revision, byte[] Content)>(
            "SELECT scope_code, revision_no, file_content FROM etl_issued_report WHERE kind = 'bieu06' ORDER BY revision_no")).ToList();
        Assert.Equal([("TNI.SYT", 0L), ("TNI.SYT", 1L)], archived.Select(a => (a.Scope, a.Revision)));
        Assert.Equal(await System.IO.File.ReadAllBytesAsync(first.Path), archived[0].Content);
        Assert.Equal(await System.IO.File.ReadAllBytesAsync(second.Path), archived[1].Content);
    }
}
