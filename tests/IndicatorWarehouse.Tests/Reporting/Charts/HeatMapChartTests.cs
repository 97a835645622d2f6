using IndicatorWarehouse.Reporting.Charts;
using IndicatorWarehouse.Reporting.Formatting;

namespace IndicatorWarehouse.Tests.Reporting.Charts;

public sealed class HeatMapChartTests
{
    private static HeatMapChart Chart(params IReadOnlyList<double?>[] rows) => new()
    {
        Title = "Tỷ lệ đúng hạn theo sở và tháng",
        RowLabels = rows.Select((_, i) => $"Sở {i + 1}").ToList(),
        ColumnLabels = ["01/2025", "02/2025", "03/2025"],
        Values = rows,
    };

    /// <summary>The fill of the cell under the value written in it.</summary>
    private static string FillOf(SvgTree svg, string value)
    {
        var text = svg.PlottedTexts.Single(t => t.Content == value);
        return svg.Rects().Single(r => r.X <= text.X && text.X <= r.Right && r.Y <= text.Y && text.Y <= r.Y + r.Height).Fill.ToLowerInvariant();
    }

    [Fact]
    public void ToSvg_Cells_OneRectPerValueWithMissingOnesGreyAndNamedInTheLegend()
    {
        var svg = new SvgTree(Chart([90, 95.5, null], [80, 85, 100]).ToSvg());

        Assert.Equal(6, svg.Rects().Count());
        var missing = svg.Rects(ReportPalette.NoDataFill).Single();
        Assert.Equal(svg.Text("03/2025").X, missing.X + missing.Width / 2, precision: 0);
        Assert.Equal(svg.Text("Sở 1").Y, missing.MidY, precision: 0);
        Assert.Equal(5, svg.PlottedTexts.Count());
        Assert.Contains("95,5", svg.PlottedTexts.Select(t => t.Content));
        Assert.Contains(ViFormat.MissingLabel, svg.Labels);
    }

    [Fact]
    public void ToSvg_Colours_RunFromWorstToBestAndTurnWhenLowerIsBetter()
    {
        var higherBetter = new SvgTree(Chart([80, 90, 100]).ToSvg());
        var lowerBetter = new SvgTree((Chart([80, 90, 100]) with { HigherIsBetter = false }).ToSvg());

        Assert.Equal(ReportPalette.HeatScale[0], FillOf(higherBetter, "80,0"));
        Assert.Equal(ReportPalette.HeatScale[1], FillOf(higherBetter, "90,0"));
        Assert.Equal(ReportPalette.HeatScale[2], FillOf(higherBetter, "100,0"));
        Assert.Equal(ReportPalette.HeatScale[2], FillOf(lowerBetter, "80,0"));
        Assert.Contains("80,0 %", higherBetter.Labels);
        Assert.Contains("100,0 %", higherBetter.Labels);
    }

    [Fact]
    public void ToSvg_RowOfWrongLength_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Chart([90, 95]).ToSvg());
    }
}
