using System.Text.RegularExpressions;
using Dapper;
using IndicatorWarehouse.Application.Build;
using IndicatorWarehouse.Application.Reports;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Tests.Reporting.Pdf;
using IndicatorWarehouse.Tests.Support;
using static IndicatorWarehouse.Tests.Support.Rows;

namespace IndicatorWarehouse.Tests.Operations;

/// <summary>The leadership review issued and revised, and a scorecard revised because the 766 rules changed.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class IssueRevisionTests
{
    private const string OnTime766 = "Tỷ lệ hồ sơ giải quyết đúng hạn (Bộ chỉ số 766)";

    [Fact]
    public async Task IssueReview_LateCorrection_PrintsBanDieuChinhWithTheChangedYearsAndKeepsTheOriginal()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var issuer = new ReviewIssuer(w.Database, ReferenceFiles.Default());
        await using var writer = new ReportWriter();

        var (first, second) = await LateCorrection.IssueBeforeAndAfterAsync(w,
            directory => issuer.IssueAsync(writer, "TNI", 2025, 2026, directory));

        var firstText = await FlatTextAsync(first.Path);
        var secondText = await FlatTextAsync(second.Path);
        Assert.DoesNotContain("BẢN ĐIỀU CHỈNH", firstText);
        Assert.Contains("BẢN ĐIỀU CHỈNH lần 1", secondText);
        Assert.Contains($"Toàn tỉnh, {OnTime766} năm 2026: 100,0 % → 50,0 %", secondText);
        Assert.Contains($"Sở Y tế Tây Ninh, {OnTime766} năm 2026: 100,0 % → 50,0 %", secondText);
        await using var c = await w.OpenAsync();
        var archived = (await c.QueryAsync<(string Period, long Revision, byte[] Content)>(
            "SELECT period_code, revision_no, file_content FROM etl_issued_report WHERE kind = 'review' ORDER BY revision_no")).ToList();
        Assert.Equal([("2025-2026", 0L), ("2025-2026", 1L)], archived.Select(a => (a.Period, a.Revision)));
        Assert.Equal(first.Content, archived[0].Content);
        Assert.Equal(first.Content, await System.IO.File.ReadAllBytesAsync(first.Path));
        Assert.Equal(second.Content, archived[1].Content);
    }

    [Fact]
    public async Task IssueScorecard_Index766RulesChangedAndRebuilt_IsARevisionWhoseNoteNamesTheRuleChange()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var probe = new MeasureProbe(w);
        // One dossier on time, one late: 50 % on time, 10 of 20 progress points while the rule is linear.
        await probe.DossiersAsync(
            Dossier("A-1", "2026-10-01T08:00:00", due: "2026-10-05T17:00:00", finished: "2026-10-04T08:00:00"),
            Dossier("A-2", "2026-10-02T08:00:00", due: "2026-10-06T17:00:00", finished: "2026-10-09T08:00:00"));
        await probe.BuildAsync();
        await using var writer = new ReportWriter();
        var first = await new ScorecardIssuer(w.Database, ReferenceFiles.Default()).IssueAsync(writer, "TNI.SYT", "2026-10", Path.Combine(w.Directory, "v0"));
        // The province adopts a threshold: full progress points from 50 % on time.
        var shipped = ReferenceFiles.Default().Index766Rules().RuleVersion;
        var edited = ReferenceCopy.In(w.Directory)
            .Edit("index766.yaml", $"rule_version: \"{shipped}\"", "rule_version: \"766-2026.1\"")
            .Edit("index766.yaml", "max: 20, rule: linear, when_empty: zero", "max: 20, rule: threshold, full_at: 0.5, when_empty: zero");

        var build = await new BuildService(w.Database, edited).BuildAsync(new BuildRequest(All: true));
        var second = await new ScorecardIssuer(w.Database, edited).IssueAsync(writer, "TNI.SYT", "2026-10", Path.Combine(w.Directory, "v1"));

        Assert.Contains("2026-10", build.Rescore!.IssuedPeriods);
        Assert.True(second.Status.IsRevision);
        var text = await FlatTextAsync(second.Path);
        Assert.Contains("BẢN ĐIỀU CHỈNH lần 1", text);
        Assert.Contains($"Quy tắc thay đổi: index766.yaml {shipped} → 766-2026.1", text);
        Assert.Contains("10,0 điểm → 20,0 điểm", text);
        await using var c = await w.OpenAsync();
        var archived = (await c.QueryAsync<(long Revision, long RuleSet, byte[] Content)>(
            "SELECT revision_no, rule_set_id, file_content FROM etl_issued_report WHERE kind = 'scorecard' ORDER BY revision_no")).ToList();
        Assert.Equal([(0L, 1L), (1L, 2L)], archived.Select(a => (a.Revision, a.RuleSet)));
        Assert.Equal(first.Content, archived[0].Content);
        Assert.DoesNotContain("BẢN ĐIỀU CHỈNH", await FlatTextAsync(first.Path));
    }

    private static async Task<string> FlatTextAsync(string pdf) =>
        Regex.Replace(await ExternalTool.OutputOfAsync("pdftotext", pdf, "-"), @"\s+", " ");
}
