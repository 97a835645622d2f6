using IndicatorWarehouse.Reporting.Charts;
using IndicatorWarehouse.Reporting.Formatting;

namespace IndicatorWarehouse.Tests.Reporting.Charts;

public sealed class LineChartTests
{
    private static readonly DateOnly[] FiveMonths = Enumerable.Range(0, 5).Select(i => new DateOnly(2025, 1, 1).AddMonths(i)).ToArray();
    private static readonly string Blue = ReportPalette.SeriesColor(0);

    private static LineChart Chart(params double?[] values) => new()
    {
        Title = "Tỷ lệ hồ sơ đúng hạn",
        Dates = FiveMonths,
        Series = [new ChartSeries("Sở Y tế", values)],
    };

    [Fact]
    public void ToSvg_NullInTheMiddle_BreaksTheLineInsteadOfDrawingZero()
    {
        var svg = new SvgTree(Chart(96, 97, null, 98, 99).ToSvg());

        var runs = Assert.Single(svg.Lines(Blue));
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Equal(2, r.Count));
        Assert.Equal(4, svg.Dots(Blue).Count());
        // The break is where March is: no point of the line lies between February and April.
        double february = svg.Text("02/2025").X, april = svg.Text("04/2025").X;
        Assert.Equal(february, runs[0][^1].X, precision: 1);
        Assert.Equal(april, runs[1][0].X, precision: 1);
        Assert.Contains("Đoạn trống: không có dữ liệu", svg.Labels);
    }

    [Fact]
    public void ToSvg_LoneValueBetweenNulls_IsStillShownAsADot()
    {
        var svg = new SvgTree(Chart(null, 97, null, null, null).ToSvg());

        Assert.DoesNotContain(svg.Lines(Blue).SelectMany(runs => runs), run => run.Count > 1);
        var dot = Assert.Single(svg.Dots(Blue));
        Assert.Equal(svg.Text("02/2025").X, dot.X, precision: 1);
    }

    [Fact]
    public void ToSvg_LoneValueInALongSeries_KeepsItsDotWhenOthersHaveNone()
    {
        var months = Enumerable.Range(0, 48).Select(i => new DateOnly(2022, 1, 1).AddMonths(i)).ToArray();
        var values = months.Select((_, i) => i is 20 or 22 ? null : (double?)90 + i % 3).ToArray();
        var chart = new LineChart { Title = "x", Dates = months, Series = [new ChartSeries("a", values)] };

        var svg = new SvgTree(chart.ToSvg());

        Assert.Single(svg.Dots(Blue));
        Assert.Equal(2, svg.Lines(Blue).Single().Count(run => run.Count > 1));
    }

    [Fact]
    public void ToSvg_Target_LineSitsWhereTheAxisPutsThatValueAndIsNamedWithIt()
    {
        var svg = new SvgTree((Chart(90, 92, 94, 96, 100) with { Target = new ChartTarget(95) }).ToSvg());

        var target = Assert.Single(svg.Lines(ReportPalette.TargetLine)).Single();
        double y90 = svg.Text("90 %").Y, y100 = svg.Text("100 %").Y;
        Assert.Equal((y90 + y100) / 2, target[0].Y, precision: 1);
        Assert.Equal(target[0].Y, target[1].Y);
        Assert.Contains("Mục tiêu 95,0 %", svg.Labels);
    }

    [Fact]
    public void ToSvg_TargetOutsideTheData_WidensTheAxisToShowIt()
    {
        var svg = new SvgTree((Chart(40, 45, 50, 55, 60) with { Target = new ChartTarget(80) }).ToSvg());

        Assert.Contains("80 %", svg.Labels);
        Assert.Single(svg.Lines(ReportPalette.TargetLine));
    }

    [Fact]
    public void ToSvg_Band_CoversTheRangeBetweenItsBoundsAndIsNamedInTheLegend()
    {
        var svg = new SvgTree((Chart(55, 62, 70, 75, 78) with { TargetBand = new ChartBand(60, 80), Min = 0, Max = 100 }).ToSvg());

        var band = svg.Rects().First();
        Assert.Equal(svg.Text("80 %").Y, band.Y, precision: 1);
        Assert.Equal(svg.Text("60 %").Y, band.Y + band.Height, precision: 1);
        Assert.Contains("Vùng mục tiêu 60–80 %", svg.Labels);
    }

    [Fact]
    public void ToSvg_Marker_DrawsAVerticalLineAtItsDateWithItsLabelAboveThePlot()
    {
        var svg = new SvgTree((Chart(96, 97, 98, 97, 96) with { Marker = new ChartMarker(new DateOnly(2025, 3, 1), "KH 2026–2030") }).ToSvg());

        var line = Assert.Single(svg.Lines(ReportPalette.MutedText)).Single();
        Assert.Equal(line[0].X, line[1].X);
        Assert.Equal(svg.Text("03/2025").X, line[0].X, precision: 1);
        var label = svg.Text("KH 2026–2030");
        Assert.True(label.Bold);
        Assert.True(label.Y < line.Min(p => p.Y), "the label sits above the top of the line");
    }

    [Fact]
    public void ToSvg_MarkerOutsideTheDates_IsLeftOut()
    {
        var svg = new SvgTree((Chart(96, 97, 98, 97, 96) with { Marker = new ChartMarker(new DateOnly(2026, 1, 1), "KH 2026–2030") }).ToSvg());

        Assert.DoesNotContain("KH 2026–2030", svg.Labels);
    }

    [Fact]
    public void ToSvg_Labels_AreVietnameseWithDecimalCommaAndDatesAsMonthYear()
    {
        var svg = new SvgTree((Chart(96.2, 96.5, 96.8, 96.4, 96.6) with { Target = new ChartTarget(96.5) }).ToSvg());

        Assert.Contains("01/2025", svg.Labels);
        Assert.Contains("Sở Y tế", svg.Labels);
        Assert.Contains("Mục tiêu 96,5 %", svg.Labels);
        Assert.Contains(svg.Labels, l => l.EndsWith(" %") && l.Contains(','));
        Assert.DoesNotContain(svg.Labels, l => l.Contains('.'));
        Assert.All(svg.Root.Descendants(SvgTree.Ns + "text"), t => Assert.Equal("DejaVu Sans", (string?)t.Attribute("font-family")));
    }

    [Fact]
    public void Summary_Always_NamesTheSpanTheTargetAndTheGaps()
    {
        var summary = (Chart(96, null, 98, 97, 96) with { Target = new ChartTarget(98) }).Summary;

        Assert.Contains("01/2025", summary);
        Assert.Contains("Mục tiêu 98,0 %", summary);
        Assert.Contains("1 điểm không có dữ liệu", summary);
    }

    [Fact]
    public void ToSvg_SeriesShorterThanDates_IsRefused()
    {
        var chart = Chart(96, 97);

        Assert.Throws<ArgumentException>(() => chart.ToSvg());
    }

    [Fact]
    public void ToSvg_ManyDates_LabelsOnlyAsManyAsFitIncludingEveryJanuary()
    {
        var months = Enumerable.Range(0, 60).Select(i => new DateOnly(2021, 3, 1).AddMonths(i)).ToArray();
        var chart = new LineChart { Title = "x", Dates = months, Series = [new ChartSeries("a", months.Select(_ => (double?)90).ToList())] };

        var labels = new SvgTree(chart.ToSvg()).Labels.Where(l => l.Length == 7 && l[2] == '/').ToList();

        Assert.InRange(labels.Count, 4, 12);
        Assert.Equal(["01/2022", "01/2023", "01/2024", "01/2025", "01/2026"], labels.Where(l => l.StartsWith("01/")));
    }

    [Fact]
    public void ToSvg_YearlyDates_AreLabelledByYear()
    {
        var years = Enumerable.Range(2021, 6).Select(y => new DateOnly(y, 1, 1)).ToArray();
        var chart = new LineChart { Title = "x", Dates = years, Yearly = true, Series = [new ChartSeries("a", years.Select(_ => (double?)90).ToList())] };

        var svg = new SvgTree(chart.ToSvg());

        Assert.Equal(["2021", "2022", "2023", "2024", "2025", "2026"], svg.Labels.Where(l => l.Length == 4 && l.StartsWith("20")));
        Assert.True(svg.Text("2026").X <= chart.Width, "the last year's label runs off the chart");
    }

    [Fact]
    public void ToSvg_ReferenceSeries_IsThinnerThanTheMeasuredOneAndNamedInTheLegend()
    {
        var chart = Chart(96, 97, 98, 97, 96) with
        {
            Series = [new ChartSeries("Sở Y tế", [96, 97, 98, 97, 96]), new ChartSeries("Mục tiêu 2021–2025", [95, 95, 95, null, null], ReportPalette.TargetLine, Reference: true)],
        };

        var svg = new SvgTree(chart.ToSvg());

        double Width(string stroke) => svg.Plotted.Where(e => (string?)e.Attribute("stroke") is { } s && s.Equals(stroke, StringComparison.OrdinalIgnoreCase))
            .Select(e => SvgTree.Num(e, "stroke-width")).Max();
        Assert.True(Width(ReportPalette.TargetLine) < Width(Blue));
        Assert.Contains("Mục tiêu 2021–2025", svg.Labels);
    }

    [Fact]
    public void ToSvg_ValuesEqualButForRoundingNoise_GetAFewTicksNotAMillion()
    {
        var svg = Chart(100, 100.00000000000001, 99.99999999999999, 100, null).ToSvg();

        var tree = new SvgTree(svg);
        Assert.DoesNotContain("NaN", svg);
        Assert.InRange(tree.Labels.Count(l => l.EndsWith(" %")), 2, 10);
        Assert.Contains("100 %", tree.Labels);
    }
}
