using IndicatorWarehouse.Reporting.Charts;
using IndicatorWarehouse.Reporting.Formatting;

namespace IndicatorWarehouse.Tests.Reporting.Charts;

public sealed class RankedBarChartTests
{
    private static RankedBarChart Chart(params RankedBarItem[] items) => new() { Title = "Tỷ lệ hồ sơ trực tuyến theo sở", Items = items };

    private static List<string> LabelsTopToBottom(SvgTree svg) =>
        svg.WithClass("chart-label").OrderBy(t => SvgTree.Num(t, "y")).Select(SvgTree.Shown).ToList();

    [Fact]
    public void ToSvg_Items_AreRankedBestFirstWithNoDataLastAndWithoutABar()
    {
        var svg = new SvgTree(Chart(new("Sở Tư pháp", 60), new("Sở Nội vụ", null), new("Sở Y tế", 85.5), new("Sở Xây dựng", 72)).ToSvg());

        Assert.Equal(["Sở Y tế", "Sở Xây dựng", "Sở Tư pháp", "Sở Nội vụ"], LabelsTopToBottom(svg));
        Assert.Equal(3, svg.WithClass("chart-bar").Count());
        Assert.Equal(ViFormat.MissingLabel, SvgTree.Shown(svg.WithClass("chart-no-data").Single()));
        Assert.Contains("85,5 %", svg.Labels);
    }

    [Fact]
    public void ToSvg_LowerIsBetter_RanksAscending()
    {
        var svg = new SvgTree((Chart(new("A", 3), new("B", 1), new("C", 2)) with { HigherIsBetter = false, Style = NumberStyle.Decimal }).ToSvg());

        Assert.Equal(["B", "C", "A"], LabelsTopToBottom(svg));
    }

    [Fact]
    public void ToSvg_EqualValues_ShareARank()
    {
        var svg = new SvgTree(Chart(new("A", 90), new("B", 80), new("C", 90)).ToSvg());

        Assert.Equal(["1.", "1.", "3."], svg.Labels.Where(l => l.EndsWith('.')).ToList());
    }

    [Fact]
    public void ToSvg_Bars_StartAtZeroSoLengthsAreProportional()
    {
        var svg = new SvgTree(Chart(new("A", 80), new("B", 40)).ToSvg());

        var widths = svg.WithClass("chart-bar").Select(b => SvgTree.Num(b, "width")).ToList();
        Assert.Equal(2.0, widths[0] / widths[1], precision: 2);
        Assert.All(svg.WithClass("chart-bar"), b => Assert.Equal(svg.GridX("0 %"), SvgTree.Num(b, "x"), precision: 1));
    }

    [Fact]
    public void ToSvg_Target_IsAVerticalLineAtItsValueAndColoursBarsByWhetherTheyMeetIt()
    {
        var svg = new SvgTree((Chart(new("A", 85), new("B", 70)) with { Target = new ChartTarget(80) }).ToSvg());

        var target = svg.WithClass("chart-target").Single();
        double x60 = svg.GridX("60 %"), x80 = svg.GridX("80 %");
        Assert.Equal(x80, SvgTree.Num(target, "x1"), precision: 1);
        Assert.True(x60 < x80);
        Assert.Equal([ReportPalette.Met, ReportPalette.NotMet], svg.WithClass("chart-bar").Select(b => (string)b.Attribute("fill")!));
        Assert.Contains("Mục tiêu 80,0 %", svg.Labels);
    }
}
