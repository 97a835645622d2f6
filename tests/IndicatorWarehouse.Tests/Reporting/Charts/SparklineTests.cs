using IndicatorWarehouse.Reporting.Charts;

namespace IndicatorWarehouse.Tests.Reporting.Charts;

public sealed class SparklineTests
{
    [Fact]
    public void ToSvg_Gap_SplitsTheLineAndTheLatestValueGetsADot()
    {
        var svg = new SvgTree(new Sparkline { Title = "12 tháng", Values = [95, 96, null, 97, 98, null] }.ToSvg());

        var lines = svg.All("polyline").ToList();
        Assert.Equal(2, lines.Count);
        var latest = svg.WithClass("chart-latest").Single();
        Assert.Equal(SvgTree.Points(lines[1])[^1], (SvgTree.Num(latest, "cx"), SvgTree.Num(latest, "cy")));
    }

    [Fact]
    public void ToSvg_Target_IsDrawnInsideTheBox()
    {
        var svg = new SvgTree(new Sparkline { Title = "12 tháng", Values = [95, 96, 97], Target = 99, Height = 30 }.ToSvg());

        var y = SvgTree.Num(svg.WithClass("chart-target").Single(), "y1");
        Assert.InRange(y, 0, 30);
        Assert.True(y < SvgTree.Points(svg.All("polyline").Single()).Min(p => p.Y), "99 is drawn above every value");
    }
}
