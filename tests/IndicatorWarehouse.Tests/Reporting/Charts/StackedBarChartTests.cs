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

        var segments = svg.WithClass("chart-segment").ToList();
        Assert.Equal([ReportPalette.Early, ReportPalette.OnTime, ReportPalette.Late], segments.Select(s => (string)s.Attribute("fill")!));
        var widths = segments.Select(s => SvgTree.Num(s, "width")).ToList();
        Assert.Equal(svg.GridX("100 %") - svg.GridX("0 %"), widths.Sum(), precision: 0);
        Assert.Equal(2.0, widths[1] / widths[0], precision: 2);
        Assert.Contains("48,6 %", svg.Labels);
        Assert.Contains("1.234 hồ sơ", svg.Labels);
    }

    [Fact]
    public void ToSvg_RowWithAMissingPart_IsHatchedAsNoDataNotTreatedAsZero()
    {
        var chart = new StackedBarChart { Title = "Kết quả giải quyết", Rows = [new("Dược phẩm", [10, 20, 5]), new("Trang thiết bị y tế", [null, 44, 3])] };

        var svg = new SvgTree(chart.ToSvg());

        Assert.Equal(3, svg.WithClass("chart-segment").Count());
        var hatched = svg.WithClass("chart-no-data").Single();
        var patternId = svg.All("pattern").Single().Attribute("id")!.Value;
        Assert.Equal($"url(#{patternId})", (string)hatched.Attribute("fill")!);
        Assert.Contains(ViFormat.MissingLabel, svg.Labels);
    }

    [Fact]
    public void ToSvg_ValuesNotMatchingSegments_AreRefused()
    {
        var chart = new StackedBarChart { Title = "x", Rows = [new("Dược phẩm", [10, 20])] };

        Assert.Throws<ArgumentException>(() => chart.ToSvg());
    }
}
