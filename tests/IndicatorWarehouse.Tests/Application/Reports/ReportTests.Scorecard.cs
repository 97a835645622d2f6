using System.Net;
using System.Text.RegularExpressions;
using IndicatorWarehouse.Application.Measures;
using IndicatorWarehouse.Application.Reports;
using IndicatorWarehouse.Application.Reports.Scorecards;
using IndicatorWarehouse.Reporting.Formatting;
using IndicatorWarehouse.Reporting.Templates.Scorecards;
using IndicatorWarehouse.Tests.Support;

namespace IndicatorWarehouse.Tests.Application.Reports;

public sealed partial class ReportTests
{
    private ScorecardQuery Scorecards => new(fixture.Warehouse.Database, fixture.Reference);

    private Task<string> ScorecardPdfAsync() => fixture.RenderedAsync("scorecard", async () =>
        await ReportFiles.WriteScorecardAsync(Writer, await Scorecards.LoadAsync(ReportWarehouse.Sở, ReportWarehouse.Month, fixture.GeneratedOn),
            fixture.Output, ReportFormat.Pdf));

    [Fact]
    public async Task Scorecard_Pdf_NamesTheUnitAndMonthWithVietnameseTextIntact()
    {
        var text = await TextAsync(await ScorecardPdfAsync());

        Assert.Contains("Sở Y tế Tây Ninh", text);
        Assert.Contains("Phiếu điểm cải cách hành chính tháng 10/2026", text);
        Assert.Contains("Bộ chỉ số 766 theo nhóm", text);
        Assert.Contains("Xếp hạng trong các sở, ban, ngành của tỉnh", text);
        Assert.Contains("Ngày lập: 21/11/2026", text);
        Assert.Contains("Số liệu đến 20/11/2026 17:00", text);
    }

    [Fact]
    public async Task Scorecard_Tiles_ShowTheValuesMeasuresQueryReturns()
    {
        var measures = (await new MeasuresQuery(fixture.Warehouse.Database).ForAsync(ReportWarehouse.Sở, ReportWarehouse.Month))
            .ToDictionary(m => m.indicator);
        var html = await Writer.HtmlAsync<ScorecardReport>(await Scorecards.LoadAsync(ReportWarehouse.Sở, ReportWarehouse.Month, fixture.GeneratedOn));
        var pdfText = await TextAsync(await ScorecardPdfAsync());

        Assert.InRange(html.Length, 20_000, 1_000_000);
        foreach (var code in ReportIndicators.MainRates)
        {
            var expected = NumberStyle.Percent.Format(measures[code].value);
            var tile = Regex.Match(html, $"data-indicator=\"{code}\".*?<div class=\"tile-value\">(.*?)</div>", RegexOptions.Singleline);
            Assert.True(tile.Success, $"no tile for {code}");
            Assert.Equal(expected, WebUtility.HtmlDecode(Regex.Replace(tile.Groups[1].Value, "<.*?>", "")).Trim());
            Assert.Contains(expected, pdfText);
        }
    }

    [Fact]
    public async Task Scorecard_Pdf_IsValidA4WithADrawnFirstPage()
    {
        var pdf = await ScorecardPdfAsync();

        await AssertValidPdfWithDrawnFirstPageAsync(pdf);
        Assert.Matches(@"Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)", await ExternalTool.OutputOfAsync("pdfinfo", pdf));
    }

    [Fact]
    public async Task Scorecard_ProcedureNamedLikeMarkup_IsPrintedAsText()
    {
        var model = await Scorecards.LoadAsync(ReportWarehouse.Sở, ReportWarehouse.Month, fixture.GeneratedOn);

        var html = await Writer.HtmlAsync<ScorecardReport>(model);

        Assert.Contains(model.Timeliness.LateDossiers, d => d.Procedure == ReportWarehouse.ScriptProcedure);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(", html);
        Assert.Contains("thủ tục", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
        Assert.Contains("&lt;b&gt;Lĩnh vực thử&lt;/b&gt;", html);
    }

    [Fact]
    public async Task Scorecard_766GroupWithoutData_IsNoDataNeverZeroPoints()
    {
        var model = await Scorecards.LoadAsync(ReportWarehouse.Sở, ReportWarehouse.Month, fixture.GeneratedOn);
        var html = await Writer.HtmlAsync<ScorecardReport>(model);

        var transparency = Assert.Single(model.Index766.Groups, g => g.Code == "transparency");
        Assert.Null(transparency.Score);
        Assert.Equal(18, transparency.FullMax);
        var row = Regex.Match(html, "<tr[^>]*data-group=\"transparency\".*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("không có dữ liệu", row);
        Assert.DoesNotContain("0,0", row.Replace("18,0", ""));
        var total = model.Index766.Total;
        Assert.Equal(model.Index766.Groups.Where(g => !g.IsPortalSplit).Sum(g => g.Score ?? 0), total.Score!.Value, precision: 6);
    }

    [Fact]
    public async Task Scorecard_TrendBeforeTheUnitExisted_IsNoDataNotZero()
    {
        // Sở Dân tộc và Tôn giáo was created on 1/3/2025 with no predecessor: the 24 months to 10/2026 start in 11/2024.
        var model = await Scorecards.LoadAsync("TNI.SDTTG", ReportWarehouse.Month, fixture.GeneratedOn);

        var onTime = model.Rates.Single(r => r.Figure.Indicator.Code == "on_time_rate_766");
        Assert.Equal(ScorecardQuery.TrendMonths, onTime.Values.Count);
        Assert.Equal(new DateOnly(2024, 11, 1), onTime.Months[0]);
        Assert.All(onTime.Values.Take(4), v => Assert.Null(v));
        Assert.Contains(onTime.Values.Skip(4), v => v is not null);
    }

    [Fact]
    public async Task Scorecard_Pdf_TrendChartsShowTheGapThePlanPhaseAndVietnameseLabels()
    {
        // Sở Dân tộc và Tôn giáo has no months before 03/2025: its trend lines start with a gap, named in their legends.
        var pdf = await ReportFiles.WriteScorecardAsync(Writer, await Scorecards.LoadAsync("TNI.SDTTG", ReportWarehouse.Month, fixture.GeneratedOn),
            fixture.Output, ReportFormat.Pdf);

        var text = await FlatTextAsync(pdf);

        Assert.Contains("Xu hướng 24 tháng", text);
        Assert.Contains("Đoạn trống: không có dữ liệu", text);
        Assert.Contains("KH 2026–2030", text);
        Assert.Contains("01/2026", text);
        Assert.Matches(@"\d+ % ", text);
    }

    [Theory]
    [InlineData("TNI.X001", "Ủy ban nhân dân phường Tân Ninh", "Xếp hạng trong các xã, phường của tỉnh")]
    [InlineData("TNI.TTPVHCC", "Trung tâm Phục vụ hành chính công tỉnh Tây Ninh", "Xếp hạng trong các trung tâm phục vụ hành chính công của tỉnh")]
    public async Task Scorecard_CommuneAndServiceCentre_UseTheSameTemplate(string agency, string name, string peers)
    {
        var pdf = await ReportFiles.WriteScorecardAsync(Writer, await Scorecards.LoadAsync(agency, ReportWarehouse.Month, fixture.GeneratedOn),
            fixture.Output, ReportFormat.Pdf);

        var text = await FlatTextAsync(pdf);
        Assert.Contains(name, text);
        Assert.Contains(peers, text);
        Assert.Contains("Tỷ lệ hồ sơ giải quyết đúng hạn (Bộ chỉ số 766)", text);
    }

    [Fact]
    public async Task Scorecard_UnitOrPeriodThatIsNot_FailsWithAMessage()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Scorecards.LoadAsync("TNI.NOPE", ReportWarehouse.Month, fixture.GeneratedOn));
        var quarter = await Assert.ThrowsAsync<ArgumentException>(() => Scorecards.LoadAsync(ReportWarehouse.Sở, "2026-Q3", fixture.GeneratedOn));
        Assert.Contains("not a month", quarter.Message);
        var empty = await Assert.ThrowsAsync<ArgumentException>(() => Scorecards.LoadAsync(ReportWarehouse.Sở, "2019-05", fixture.GeneratedOn));
        Assert.Contains("No measures", empty.Message);
    }
}
