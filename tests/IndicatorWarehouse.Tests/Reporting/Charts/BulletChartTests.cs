using IndicatorWarehouse.Reporting.Charts;
using IndicatorWarehouse.Reporting.Formatting;

namespace IndicatorWarehouse.Tests.Reporting.Charts;

public sealed class BulletChartTests
{
    [Fact]
    public void ToSvg_ValueBelowTarget_ShadesTheGapAndWritesIt()
    {
        var chart = new BulletChart { Title = "Điểm 766", Style = NumberStyle.Points, Max = 20, Rows = [new("Tiến độ, kết quả giải quyết", 12.5, 20)] };

        var svg = new SvgTree(chart.ToSvg());

        var gap = svg.WithClass("chart-gap").Single();
        var target = svg.WithClass("chart-target").Single();
        double x0 = svg.GridX("0"), x20 = svg.GridX("20");
        Assert.Equal(x0 + (x20 - x0) * 12.5 / 20, SvgTree.Num(gap, "x"), precision: 1);
        Assert.Equal(SvgTree.Num(target, "x1"), SvgTree.Num(gap, "x") + SvgTree.Num(gap, "width"), precision: 1);
        Assert.Equal(ReportPalette.NotMet, (string)svg.WithClass("chart-value").Single().Attribute("fill")!);
        Assert.Contains("12,5 điểm", svg.Labels);
        Assert.Contains("mục tiêu 20,0 điểm · -7,5", svg.Labels);
    }

    [Fact]
    public void ToSvg_ValueMeetingTarget_HasNoGapAndIsGreen()
    {
        var chart = new BulletChart { Title = "Tỷ lệ", Rows = [new("Đúng hạn", 99, 98)] };

        var svg = new SvgTree(chart.ToSvg());

        Assert.Empty(svg.WithClass("chart-gap"));
        Assert.Equal(ReportPalette.Met, (string)svg.WithClass("chart-value").Single().Attribute("fill")!);
        Assert.Contains("mục tiêu 98,0 % · +1,0", svg.Labels);
    }

    [Fact]
    public void ToSvg_MissingValue_IsHatchedAndSaysNoData()
    {
        var chart = new BulletChart { Title = "Tỷ lệ", Rows = [new("Số hóa hồ sơ", null, 22)] };

        var svg = new SvgTree(chart.ToSvg());

        Assert.Empty(svg.WithClass("chart-value"));
        Assert.StartsWith("url(#", (string)svg.WithClass("chart-track").Single().Attribute("fill")!);
        Assert.Contains(ViFormat.MissingLabel, svg.Labels);
    }
}
