using IndicatorWarehouse.Reporting.Charts;

namespace IndicatorWarehouse.Tests.Reporting.Charts;

public sealed class ChartEscapingTests
{
    private const string Evil = "<script>alert('x')</script> & \"Sở\"";

    public static TheoryData<ISvgChart> ChartsLabelledEvil()
    {
        DateOnly[] dates = [new(2025, 1, 1), new(2025, 2, 1)];
        return new TheoryData<ISvgChart>(
            new LineChart { Title = Evil, Dates = dates, Series = [new ChartSeries(Evil, [1, 2])], Marker = new ChartMarker(dates[1], Evil) },
            new RankedBarChart { Title = Evil, Items = [new RankedBarItem(Evil, 50)] },
            new StackedBarChart { Title = Evil, Rows = [new StackedBarRow(Evil, [1, 2, 3])] },
            new BulletChart { Title = Evil, Rows = [new BulletRow(Evil, 50, 60)] },
            new HeatMapChart { Title = Evil, RowLabels = [Evil], ColumnLabels = [Evil], Values = [[50]] });
    }

    [Theory]
    [MemberData(nameof(ChartsLabelledEvil))]
    public void ToSvg_LabelWithMarkup_AppearsAsTextNeverAsAnElement(ISvgChart chart)
    {
        var svg = new SvgTree(chart.ToSvg());

        Assert.DoesNotContain(svg.Root.DescendantsAndSelf(), e => e.Name.LocalName == "script");
        Assert.DoesNotContain("<script", svg.Raw);
        Assert.Contains(svg.Labels, l => l.Contains(Evil));
    }
}
