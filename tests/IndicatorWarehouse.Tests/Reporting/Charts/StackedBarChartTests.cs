using IndicatorWarehouse.Reporting.Charts;
using IndicatorWarehouse.Reporting.Formatting;

namespace IndicatorWarehouse.Tests.Reporting.Charts;

public sealed class StackedBarChartTests
{
    [Fact]
    public void ToSvg_Row_SplitsTheFullBarByShareInGreenBlueRed()
    {
        var chart = new StackedBarChart { Title = "Kết quả giải quyết", Rows = [new("Dược phẩm", [300, 600, 334])] };

        var svg = new SvgTree(chart.ToSvg());

        var parts = svg.Rects().OrderBy(r => r.X).ToList();
        Assert.Equal([ReportPalette.Early, ReportPalette.OnTime, ReportPalette.Late], parts.Select(p => p.Fill.ToLowerInvariant()));
        Assert.Equal(svg.Text("100 %").X - svg.Text("0 %").X, parts.Sum(p => p.Width), precision: 0);
        Assert.Equal(2.0, parts[1].Width / parts[0].Width, precision: 2);
        Assert.Equal(parts[0].Right, parts[1].X, precision: 1);
        Assert.Contains("48,6 %", svg.PlottedTexts.Select(t => t.Content));
        Assert.Contains("1.234 hồ sơ", svg.Labels);
        Assert.Equal(["Trước hạn", "Đúng hạn", "Trễ hạn"], svg.Labels.Where(l => l.StartsWith("Trước") || l.StartsWith("Đúng") || l.StartsWith("Trễ")));
    }

    [Fact]
    public void ToSvg_RowWithAMissingPart_IsGreyAsNoDataNotTreatedAsZero()
    {
        var chart = new StackedBarChart { Title = "Kết quả giải quyết", Rows = [new("Dược phẩm", [10, 20, 5]), new("Trang thiết bị y tế", [null, 44, 3])] };

        var svg = new SvgTree(chart.ToSvg());

        Assert.Equal(3, svg.Rects().Count(r => !r.Fill.Equals(ReportPalette.NoDataFill, StringComparison.OrdinalIgnoreCase)));
        var blank = svg.Rects(ReportPalette.NoDataFill).Single();
        Assert.Equal(svg.Text("Trang thiết bị y tế").Y, blank.MidY, precision: 0);
        Assert.Contains(ViFormat.MissingLabel, svg.PlottedTexts.Select(t => t.Content));
        Assert.Equal(2, svg.Labels.Count(l => l == ViFormat.MissingLabel)); // on the bar and in the legend
        Assert.Contains(ViFormat.Missing, svg.Labels);
    }

    [Fact]
    public void ToSvg_RowWithNothing_SaysSoRatherThanDrawingAnEmptyShare()
    {
        var chart = new StackedBarChart { Title = "Kết quả giải quyết", Rows = [new("Y tế dự phòng", [0, 0, 0])] };

        var svg = new SvgTree(chart.ToSvg());

        Assert.Single(svg.Rects(ReportPalette.Track));
        Assert.Contains("không phát sinh hồ sơ", svg.Labels);
        Assert.Contains("0 hồ sơ", svg.Labels);
    }

    [Fact]
    public void ToSvg_ValuesNotMatchingSegments_AreRefused()
    {
        var chart = new StackedBarChart { Title = "x", Rows = [new("Dược phẩm", [10, 20])] };

        Assert.Throws<ArgumentException>(() => chart.ToSvg());
    }
}
