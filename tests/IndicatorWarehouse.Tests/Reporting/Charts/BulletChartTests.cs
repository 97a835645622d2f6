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

        double x0 = svg.Text("0").X, x20 = svg.Text("20").X;
        var value = svg.Rects(ReportPalette.NotMet).Single(r => r.X < x0 + 1);
        var gap = svg.Rects(ReportPalette.NotMet).Single(r => r.X > x0 + 1);
        var target = svg.Lines(ReportPalette.TargetLine).Single().Single();
        Assert.Equal(x0 + (x20 - x0) * 12.5 / 20, value.Right, precision: 1);
        Assert.Equal(value.Right, gap.X, precision: 1);
        Assert.Equal(target[0].X, gap.Right, precision: 1);
        Assert.True(gap.Height > value.Height, "the shortfall is shaded on the track, the value is the thin bar on it");
        Assert.Contains("12,5 điểm", svg.Labels.SelectMany(l => l.Split('\n')));
        Assert.Contains(svg.Labels, l => l.Contains("mục tiêu 20,0 điểm · -7,5"));
    }

    [Fact]
    public void ToSvg_ValueMeetingTarget_HasNoGapAndIsGreen()
    {
        var chart = new BulletChart { Title = "Tỷ lệ", Rows = [new("Đúng hạn", 99, 98)] };

        var svg = new SvgTree(chart.ToSvg());

        Assert.Empty(svg.Rects(ReportPalette.NotMet));
        Assert.Single(svg.Rects(ReportPalette.Met));
        Assert.Contains(svg.Labels, l => l.Contains("mục tiêu 98,0 % · +1,0"));
    }

    [Fact]
    public void ToSvg_MissingValue_HasNoBarAndSaysNoData()
    {
        var chart = new BulletChart { Title = "Tỷ lệ", Rows = [new("Số hóa hồ sơ", null, 22)] };

        var svg = new SvgTree(chart.ToSvg());

        Assert.Single(svg.Rects());
        Assert.Single(svg.Rects(ReportPalette.NoDataFill));
        Assert.Contains(svg.Labels, l => l.Contains(ViFormat.MissingLabel));
    }
}
