using IndicatorWarehouse.Reporting.Charts;
using IndicatorWarehouse.Reporting.Formatting;

namespace IndicatorWarehouse.Tests.Reporting.Charts;

public sealed class LineChartTests
{
    private static readonly DateOnly[] FiveMonths = Enumerable.Range(0, 5).Select(i => new DateOnly(2025, 1, 1).AddMonths(i)).ToArray();

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

        var segments = svg.All("polyline").ToList();
        Assert.Equal(2, segments.Count);
        Assert.All(segments, s => Assert.Equal(2, SvgTree.Points(s).Count));
        Assert.Equal(4, svg.All("circle").Count());
        Assert.True(SvgTree.Points(segments[0])[^1].X < SvgTree.Points(segments[1])[0].X);
    }

    [Fact]
    public void ToSvg_LoneValueBetweenNulls_IsStillShownAsADot()
    {
        var svg = new SvgTree(Chart(null, 97, null, null, null).ToSvg());

        Assert.Empty(svg.All("polyline"));
        Assert.Single(svg.All("circle"));
    }

    [Fact]
    public void ToSvg_Target_LineSitsWhereTheAxisPutsThatValue()
    {
        var svg = new SvgTree((Chart(91, 92, 94, 96, 99) with { Target = new ChartTarget(95) }).ToSvg());

        var target = Assert.Single(svg.WithClass("chart-target"));
        double y90 = svg.GridY("90 %"), y100 = svg.GridY("100 %");
        Assert.Equal(y90 + (y100 - y90) * 0.5, SvgTree.Num(target, "y1"), precision: 1);
        Assert.Equal(SvgTree.Num(target, "y1"), SvgTree.Num(target, "y2"));
        Assert.Contains("Mục tiêu 95,0 %", svg.Labels);
    }

    [Fact]
    public void ToSvg_TargetOutsideTheData_WidensTheAxisToShowIt()
    {
        var svg = new SvgTree((Chart(40, 45, 50, 55, 60) with { Target = new ChartTarget(80) }).ToSvg());

        var targetY = SvgTree.Num(svg.WithClass("chart-target").Single(), "y1");
        Assert.True(svg.WithClass("chart-grid").Min(l => SvgTree.Num(l, "y1")) <= targetY);
    }

    [Fact]
    public void ToSvg_Band_CoversTheRangeBetweenItsBounds()
    {
        var svg = new SvgTree((Chart(55, 62, 70, 75, 78) with { TargetBand = new ChartBand(60, 80), Min = 0, Max = 100 }).ToSvg());

        var band = svg.WithClass("chart-band").Single();
        Assert.Equal(svg.GridY("80 %"), SvgTree.Num(band, "y"), precision: 1);
        Assert.Equal(svg.GridY("60 %"), SvgTree.Num(band, "y") + SvgTree.Num(band, "height"), precision: 1);
    }

    [Fact]
    public void ToSvg_Marker_DrawsAVerticalLineAtItsDateWithItsLabel()
    {
        var svg = new SvgTree((Chart(96, 97, 98, 97, 96) with { Marker = new ChartMarker(new DateOnly(2025, 3, 1), "KH 2026–2030") }).ToSvg());

        var line = svg.WithClass("chart-marker").Single().Elements(SvgTree.Ns + "line").Single();
        Assert.Equal(SvgTree.Num(line, "x1"), SvgTree.Num(line, "x2"));
        Assert.Equal(SvgTree.Num(svg.Text("03/2025"), "x"), SvgTree.Num(line, "x1"), precision: 1);
        Assert.Contains("KH 2026–2030", svg.Labels);
    }

    [Fact]
    public void ToSvg_Values_AreWrittenWithDecimalCommaAndDatesAsMonthYear()
    {
        var svg = new SvgTree(Chart(96.25, 97.5, 98, 97, 96).ToSvg());

        Assert.Contains(svg.All("title"), t => t.Value == "Sở Y tế – 02/2025: 97,5 %");
        Assert.Contains("01/2025", svg.Labels);
        Assert.DoesNotContain(svg.Labels, l => l.Contains('.'));
    }

    [Fact]
    public void ToSvg_Always_HasAnAccessibleTitleAndDescription()
    {
        var svg = new SvgTree((Chart(96, 97, 98, 97, 96) with { Target = new ChartTarget(98) }).ToSvg());

        Assert.Equal("img", (string?)svg.Root.Attribute("role"));
        Assert.Equal("Tỷ lệ hồ sơ đúng hạn", svg.Root.Element(SvgTree.Ns + "title")!.Value);
        var description = svg.Root.Element(SvgTree.Ns + "desc")!.Value;
        Assert.Contains("01/2025", description);
        Assert.Contains("Mục tiêu 98,0 %", description);
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

        var labels = new SvgTree(chart.ToSvg()).WithClass("chart-x-labels").Single().Elements(SvgTree.Ns + "text").Select(SvgTree.Shown).ToList();

        Assert.InRange(labels.Count, 4, 12);
        Assert.Equal(["01/2022", "01/2023", "01/2024", "01/2025", "01/2026"], labels.Where(l => l.StartsWith("01/")));
    }

    [Fact]
    public void ToSvg_YearlyDates_AreLabelledByYearAndTheLastLabelStaysInsideTheChart()
    {
        var years = Enumerable.Range(2021, 6).Select(y => new DateOnly(y, 1, 1)).ToArray();
        var chart = new LineChart { Title = "x", Dates = years, Yearly = true, Series = [new ChartSeries("a", years.Select(_ => (double?)90).ToList())] };

        var svg = new SvgTree(chart.ToSvg());

        var labels = svg.WithClass("chart-x-labels").Single().Elements(SvgTree.Ns + "text").ToList();
        Assert.Equal(["2021", "2022", "2023", "2024", "2025", "2026"], labels.Select(SvgTree.Shown));
        Assert.True(SvgTree.Num(labels[^1], "x") + 12 <= chart.Width, "the last year's label runs off the chart");
    }

    [Fact]
    public void ToSvg_DashedSeries_IsDrawnDashedAndShownDashedInTheLegend()
    {
        var chart = Chart(96, 97, 98, 97, 96) with
        {
            Series = [new ChartSeries("Sở Y tế", [96, 97, 98, 97, 96]), new ChartSeries("Mục tiêu 2021–2025", [95, 95, 95, null, null], Dashed: true)],
        };

        var svg = new SvgTree(chart.ToSvg());

        var target = svg.WithClass("chart-series").Single(g => (string?)g.Attribute("data-series") == "Mục tiêu 2021–2025");
        Assert.Equal("6 4", (string?)target.Element(SvgTree.Ns + "polyline")!.Attribute("stroke-dasharray"));
        var unit = svg.WithClass("chart-series").Single(g => (string?)g.Attribute("data-series") == "Sở Y tế");
        Assert.Null(unit.Element(SvgTree.Ns + "polyline")!.Attribute("stroke-dasharray"));
        Assert.Contains(svg.WithClass("chart-legend").Single().Elements(SvgTree.Ns + "line"), l => (string?)l.Attribute("stroke-dasharray") is not null);
    }

    [Fact]
    public void ToSvg_ValuesEqualButForRoundingNoise_GetAFewTicksNotAMillion()
    {
        var svg = Chart(100, 100.00000000000001, 99.99999999999999, 100, null).ToSvg();

        var tree = new SvgTree(svg);
        Assert.DoesNotContain("NaN", svg);
        Assert.InRange(tree.WithClass("chart-grid").Count(), 2, 10);
        Assert.Contains("100 %", tree.Labels);
    }
}
