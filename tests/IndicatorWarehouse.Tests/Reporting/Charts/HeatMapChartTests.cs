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

    [Fact]
    public void ToSvg_Cells_OneRectPerValueWithMissingOnesHatched()
    {
        var svg = new SvgTree(Chart([90, 95.5, null], [80, 85, 100]).ToSvg());

        var cells = svg.WithClass("chart-cell").ToList();
        Assert.Equal(6, cells.Count);
        var missing = Assert.Single(cells, c => ((string)c.Attribute("class")!).Contains("chart-no-data"));
        Assert.StartsWith("url(#", (string)missing.Attribute("fill")!);
        Assert.Equal("Sở 1 – 03/2025: không có dữ liệu", missing.Element(SvgTree.Ns + "title")!.Value);
        Assert.Contains("95,5", svg.Labels);
        Assert.Contains(ViFormat.MissingLabel, svg.Labels);
    }

    [Fact]
    public void ToSvg_Colours_RunFromWorstToBestAndTurnWhenLowerIsBetter()
    {
        string Fill(SvgTree svg, string tooltipEnd) =>
            (string)svg.WithClass("chart-cell").Single(c => c.Element(SvgTree.Ns + "title")!.Value.EndsWith(tooltipEnd)).Attribute("fill")!;

        var higherBetter = new SvgTree(Chart([80, 90, 100]).ToSvg());
        var lowerBetter = new SvgTree((Chart([80, 90, 100]) with { HigherIsBetter = false }).ToSvg());

        Assert.Equal(ReportPalette.HeatScale[0], Fill(higherBetter, "80,0 %"));
        Assert.Equal(ReportPalette.HeatScale[1], Fill(higherBetter, "90,0 %"));
        Assert.Equal(ReportPalette.HeatScale[2], Fill(higherBetter, "100,0 %"));
        Assert.Equal(ReportPalette.HeatScale[2], Fill(lowerBetter, "80,0 %"));
    }

    [Fact]
    public void ToSvg_RowOfWrongLength_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Chart([90, 95]).ToSvg());
    }
}
