using Dapper;
using IndicatorWarehouse.Application.Reports;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Tests.Reporting.Pdf;
using IndicatorWarehouse.Tests.Support;
using static IndicatorWarehouse.Tests.Support.Rows;

namespace IndicatorWarehouse.Tests.Operations;

[Collection(ChromiumCollection.Name)]
public sealed class ScorecardRevisionTests
{
    [Fact]
    public async Task Issue_LateCorrection_PrintsBanDieuChinhAndKeepsTheOriginalInTheArchive()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var issuer = new ScorecardIssuer(w.Database, ReferenceFiles.Default());
        await using var writer = new ReportWriter();

        var (first, second) = await LateCorrection.IssueBeforeAndAfterAsync(w,
            directory => issuer.IssueAsync(writer, "TNI.SYT", "2026-10", directory));
        var reprint = await issuer.IssueAsync(writer, "TNI.SYT", "2026-10", Path.Combine(w.Directory, "v2"));

        var firstText = await ExternalTool.OutputOfAsync("pdftotext", "-layout", first.Path, "-");
        var secondText = await ExternalTool.OutputOfAsync("pdftotext", "-layout", second.Path, "-");
        Assert.DoesNotContain("BẢN ĐIỀU CHỈNH", firstText);
        Assert.Contains("BẢN ĐIỀU CHỈNH lần 1", secondText);
        Assert.Contains("Hồ sơ giải quyết quá hạn: 0 → 1", secondText);
        Assert.True(reprint.Status.AlreadyIssued);
        await using var c = await w.OpenAsync();
        var archived = (await c.QueryAsync<(long Revision, byte[] Content)>(
            "SELECT revision_no, file_content FROM etl_issued_report WHERE kind = 'scorecard' ORDER BY revision_no")).ToList();
        Assert.Equal([0L, 1L], archived.Select(a => a.Revision));
        Assert.Equal(first.Content, archived[0].Content);
        Assert.Equal(second.Content, archived[1].Content);
    }

    [Fact]
    public async Task IssueRanking_LateCorrection_IsARevisionAndAReprintIsNotArchivedTwice()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var probe = new MeasureProbe(w);
        await probe.DossiersAsync(
            Dossier("A-1", "2026-10-01T08:00:00", due: "2026-10-05T17:00:00", finished: "2026-10-04T08:00:00"),
            Dossier("B-1", "2026-10-01T08:00:00", due: "2026-10-05T17:00:00", finished: "2026-10-04T08:00:00", agency: "TNI.SNV"));
        await probe.BuildAsync();
        var issuer = new RankingIssuer(w.Database, ReferenceFiles.Default());
        await using var writer = new ReportWriter();

        var first = await issuer.IssueAsync(writer, "TNI", "2026-10", Path.Combine(w.Directory, "r0"));
        var reprint = await issuer.IssueAsync(writer, "TNI", "2026-10", Path.Combine(w.Directory, "r1"));
        await probe.DossiersAsync(Dossier("B-1", "2026-10-01T08:00:00", due: "2026-10-05T17:00:00", finished: "2026-10-09T08:00:00", agency: "TNI.SNV"));
        await probe.BuildAsync(new());
        var revision = await issuer.IssueAsync(writer, "TNI", "2026-10", Path.Combine(w.Directory, "r2"));

        Assert.False(first.Status.IsRevision);
        Assert.True(reprint.Status.AlreadyIssued);
        Assert.True(revision.Status.IsRevision);
        Assert.Contains("BẢN ĐIỀU CHỈNH lần 1", await ExternalTool.OutputOfAsync("pdftotext", "-layout", revision.Path, "-"));
        await using var c = await w.OpenAsync();
        Assert.Equal(2L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM etl_issued_report WHERE kind = 'ranking'"));
    }
}
