using Dapper;
using IndicatorWarehouse.Application.Reports;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Tests.Reporting.Pdf;
using IndicatorWarehouse.Tests.Server.Support;
using IndicatorWarehouse.Tests.Support;

namespace IndicatorWarehouse.Tests.Operations;

/// <summary>Getting issued reports back: `iw archive` and the /archive page.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class IssuedReportAccessTests
{
    [Fact]
    public async Task Archive_OriginalAndRevision_AreListedShownAndSavedByteForByte()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var issuer = new ScorecardIssuer(w.Database, ReferenceFiles.Default());
        await using var writer = new ReportWriter();
        var (first, second) = await LateCorrection.IssueBeforeAndAfterAsync(w,
            directory => issuer.IssueAsync(writer, "TNI.SYT", "2026-10", directory));
        var saved = Path.Combine(w.Directory, "lay-lai", "ban-goc.pdf");

        var list = await IwProcess.RunAsync("archive", "list", "--kind", "scorecard", "--format", "csv", "--db", w.DbPath);
        var show = await IwProcess.RunAsync("archive", "show", "2", "--db", w.DbPath);
        var save = await IwProcess.RunAsync("archive", "save", "1", "--out", saved, "--db", w.DbPath);

        var rows = list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("report_id,kind,scope,period,revision_no,revises_id,issued_at,rule_set_id,file_name", rows[0]);
        Assert.StartsWith("2,scorecard,TNI.SYT,2026-10,1,1,", rows[1]);
        Assert.StartsWith("1,scorecard,TNI.SYT,2026-10,0,,", rows[2]);
        Assert.Contains("BẢN ĐIỀU CHỈNH lần 1 (thay thế báo cáo 1)", show.Stdout);
        Assert.Contains("Hồ sơ giải quyết quá hạn: 0 → 1", show.Stdout);
        Assert.Equal(0, save.ExitCode);
        Assert.Equal(first.Content, await File.ReadAllBytesAsync(saved));
        Assert.NotEqual(second.Content, first.Content);
    }

    [Fact]
    public async Task ArchiveSave_FileAlteredInTheArchive_IsRefusedAndNothingIsWritten()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var issuer = new ScorecardIssuer(w.Database, ReferenceFiles.Default());
        await using var writer = new ReportWriter();
        await LateCorrection.IssueBeforeAndAfterAsync(w, directory => issuer.IssueAsync(writer, "TNI.SYT", "2026-10", directory));
        await using (var c = await w.OpenAsync())
            await c.ExecuteAsync("UPDATE etl_issued_report SET file_content = @forged WHERE report_id = 1", new { forged = new byte[] { 1, 2, 3 } });
        var saved = Path.Combine(w.Directory, "ban-goc.pdf");

        var save = await IwProcess.RunAsync("archive", "save", "1", "--out", saved, "--db", w.DbPath);

        Assert.Equal(1, save.ExitCode);
        Assert.Contains("does not match the hash", save.Stderr);
        Assert.False(File.Exists(saved));
    }

    [Fact]
    public async Task ArchivePage_OriginalAndRevision_ListsBothAndServesTheOriginalFileAsIssued()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var issuer = new ScorecardIssuer(w.Database, ReferenceFiles.Default());
        await using var writer = new ReportWriter();
        var (first, _) = await LateCorrection.IssueBeforeAndAfterAsync(w, directory => issuer.IssueAsync(writer, "TNI.SYT", "2026-10", directory));
        await using var server = await RunningServer.StartAsync(w.Settings);
        var client = server.Client();

        var page = await client.GetStringAsync("archive?kind=scorecard");
        var file = await client.GetAsync("archive/1");
        var missing = await client.GetAsync("archive/99");

        Assert.Contains("Bản điều chỉnh lần 1 (thay bản số 1)", page);
        Assert.Contains("href=\"archive/1\"", page);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal(first.Content, await file.Content.ReadAsByteArrayAsync());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
    }
}
