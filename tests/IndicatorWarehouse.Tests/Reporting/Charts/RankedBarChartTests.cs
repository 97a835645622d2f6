using IndicatorWarehouse.Reporting.Charts;
using IndicatorWarehouse.Reporting.Formatting;

namespace IndicatorWarehouse.Tests.Reporting.Charts;

public sealed class RankedBarChartTests
{
    private static RankedBarChart Chart(params RankedBarItem[] items) => new() { Title = "Tỷ lệ hồ sơ trực tuyến theo sở", Items = items };

    /// <summary>The row labels (left of the bars), top to bottom.</summary>
    private static List<string> RowsTopToBottom(SvgTree svg, RankedBarChart chart) =>
        svg.Texts.Where(t => chart.Items.Any(i => t.Content.EndsWith(i.Label))).OrderBy(t => t.Y).Select(t => t.Content).ToList();

    [Fact]
    public void ToSvg_Items_AreRankedBestFirstWithNoDataLastAndWithoutABar()
    {
        var chart = Chart(new("Sở Tư pháp", 60), new("Sở Nội vụ", null), new("Sở Y tế", 85.5), new("Sở Xây dựng", 72));

        var svg = new SvgTree(chart.ToSvg());

        Assert.Equal(["1. Sở Y tế", "2. Sở Xây dựng", "3. Sở Tư pháp", "Sở Nội vụ"], RowsTopToBottom(svg, chart));
        Assert.Equal(3, svg.Rects(ReportPalette.Accent).Count());
        var noData = svg.PlottedTexts.Single(t => t.Content == ViFormat.MissingLabel);
        Assert.True(noData.Italic);
        Assert.Equal(svg.Text("Sở Nội vụ").Y, noData.Y, precision: 0);
        Assert.Contains("85,5 %", svg.Labels);
    }

    [Fact]
    public void ToSvg_LowerIsBetter_RanksAscending()
    {
        var chart = Chart(new("A", 3), new("B", 1), new("C", 2)) with { HigherIsBetter = false, Style = NumberStyle.Decimal };

        Assert.Equal(["1. B", "2. C", "3. A"], RowsTopToBottom(new SvgTree(chart.ToSvg()), chart));
    }

    [Fact]
    public void ToSvg_EqualValues_ShareARank()
    {
        var chart = Chart(new("A", 90), new("B", 80), new("C", 90));

        Assert.Equal(["1. A", "1. C", "3. B"], RowsTopToBottom(new SvgTree(chart.ToSvg()), chart));
    }

    [Fact]
    public void ToSvg_Bars_StartAtZeroSoLengthsAreProportional()
    {
        var svg = new SvgTree(Chart(new("A", 80), new("B", 40)).ToSvg());

        var bars = svg.Rects(ReportPalette.Accent).OrderBy(b => b.Y).ToList();
        Assert.Equal(2.0, bars[0].Width / bars[1].Width, precision: 2);
        Assert.All(bars, b => Assert.Equal(svg.Text("0 %").X, b.X, precision: 1));
    }

    [Fact]
    public void ToSvg_Target_IsAVerticalLineAtItsValueAndColoursBarsByWhetherTheyMeetIt()
    {
        var svg = new SvgTree((Chart(new("A", 85), new("B", 70)) with { Target = new ChartTarget(80) }).ToSvg());

        var target = svg.Lines(ReportPalette.TargetLine).Single().Single();
        Assert.Equal(svg.Text("80 %").X, target[0].X, precision: 1);
        Assert.Equal(target[0].X, target[1].X);
        Assert.Equal([ReportPalette.Met, ReportPalette.NotMet], svg.Rects().OrderBy(b => b.Y).Select(b => b.Fill.ToLowerInvariant()));
        Assert.Contains("Mục tiêu 80,0 %", svg.Labels);
    }

    [Fact]
    public void ToSvg_Highlight_ShadesTheRowOfTheUnitTheReportIsAbout()
    {
        var svg = new SvgTree(Chart(new("Sở Nội vụ", 90), new("Sở Y tế", 80, Highlight: true), new("Sở Tư pháp", 70)).ToSvg());

        var shade = svg.Rects(ReportPalette.Highlight).Single();
        Assert.InRange(svg.Text("2. Sở Y tế").Y, shade.Y, shade.Y + shade.Height);
    }
}
