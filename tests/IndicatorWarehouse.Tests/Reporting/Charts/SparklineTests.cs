using IndicatorWarehouse.Reporting.Charts;
using IndicatorWarehouse.Reporting.Formatting;

namespace IndicatorWarehouse.Tests.Reporting.Charts;

public sealed class SparklineTests
{
    [Fact]
    public void ToSvg_Gap_SplitsTheLineAndTheLatestValueGetsADot()
    {
        var svg = new SvgTree(new Sparkline { Title = "12 tháng", Values = [95, 96, null, 97, 98, null] }.ToSvg());

        var runs = svg.Lines(ReportPalette.Accent).Single();
        Assert.Equal(2, runs.Count(r => r.Count > 1));
        var latest = Assert.Single(svg.Dots(ReportPalette.Accent));
        Assert.Equal(runs.Last(r => r.Count > 1)[^1].X, latest.X, precision: 1);
        Assert.Equal(runs.Last(r => r.Count > 1)[^1].Y, latest.Y, precision: 1);
    }

    [Fact]
    public void ToSvg_Target_IsDrawnInsideTheBoxAboveLowerValues()
    {
        var svg = new SvgTree(new Sparkline { Title = "12 tháng", Values = [95, 96, 97], Target = 99, Height = 30 }.ToSvg());

        var target = svg.Lines(ReportPalette.AtRisk).Single().Single();
        Assert.InRange(target[0].Y, 0, 30);
        Assert.True(target[0].Y < svg.Lines(ReportPalette.Accent).Single().SelectMany(r => r).Min(p => p.Y), "99 is drawn above every value");
    }

    [Fact]
    public void ToSvg_Always_HasNoAxesOrTextAndKeepsItsSize()
    {
        var svg = new SvgTree(new Sparkline { Title = "12 tháng", Values = [95, 96, 97], Width = 150, Height = 26 }.ToSvg());

        Assert.Empty(svg.Labels);
        Assert.Equal("0 0 150 26", (string?)svg.Root.Attribute("viewBox"));
    }
}
