using System.Text.RegularExpressions;
using IndicatorWarehouse.Reporting.Formatting;
using IndicatorWarehouse.Reporting.Html;
using IndicatorWarehouse.Reporting.Html.Components;
using IndicatorWarehouse.Reporting.Templates;

namespace IndicatorWarehouse.Tests.Reporting.Html;

public sealed class HtmlRenderServiceTests : IAsyncLifetime
{
    private readonly HtmlRenderService html = new();

    [Fact]
    public async Task RenderAsync_ValueContainingScript_IsEscapedEverywhere()
    {
        const string evil = "<script>alert('x')</script>";

        var page = await html.RenderAsync<ChartGallery>(new Dictionary<string, object?> { ["AgencyName"] = evil });

        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(", page);
    }

    [Fact]
    public async Task RenderAsync_Gallery_IsACompletePrintableDocumentWithEveryChartType()
    {
        var page = await html.RenderAsync<ChartGallery>();

        Assert.StartsWith("<!DOCTYPE html>", page.TrimStart());
        Assert.Contains("@page { size: A4; }", page);
        Assert.Contains($"--met:{ReportPalette.Met}", page);
        var kinds = Regex.Matches(page, "data-chart=\"(\\w+)\"").Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Equal(["bullet", "heatmap", "line", "ranked", "sparkline", "stacked"], kinds.Order());
        Assert.Contains("Ngày lập: 15/01/2026", page);
        Assert.Contains("Sở Y tế Tây Ninh", page);
    }

    [Fact]
    public async Task RenderAsync_MissingNumber_IsADashExplainedAsNoData()
    {
        var cell = await html.RenderAsync<FormattedNumber>(new Dictionary<string, object?> { ["Value"] = null, ["Style"] = NumberStyle.Percent });
        var value = await html.RenderAsync<FormattedNumber>(new Dictionary<string, object?> { ["Value"] = 97.5, ["Style"] = NumberStyle.Percent });

        Assert.Equal("<span class=\"na\" title=\"không có dữ liệu\">—</span>", cell.Trim());
        Assert.Equal("<span class=\"num\">97,5 %</span>", value.Trim());
    }

    [Fact]
    public async Task RenderAsync_ManyAtOnce_EachGetsItsOwnParameters()
    {
        var names = Enumerable.Range(1, 8).Select(i => $"Sở thử nghiệm số {i}").ToList();

        var pages = await Task.WhenAll(names.Select(n => html.RenderAsync<ChartGallery>(new Dictionary<string, object?> { ["AgencyName"] = n })));

        for (var i = 0; i < names.Count; i++)
        {
            Assert.Contains(names[i], pages[i]);
            Assert.DoesNotContain(names[(i + 1) % names.Count] + "<", pages[i]);
        }
    }

    [Fact]
    public async Task RenderAsync_LongBatch_KeepsRenderingAcrossRendererReplacements()
    {
        for (var i = 0; i < 120; i++)
        {
            var value = await html.RenderAsync<FormattedNumber>(new Dictionary<string, object?> { ["Value"] = (double)i, ["Style"] = NumberStyle.Count });
            Assert.Equal($"<span class=\"num\">{i}</span>", value.Trim());
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => html.DisposeAsync().AsTask();
}
