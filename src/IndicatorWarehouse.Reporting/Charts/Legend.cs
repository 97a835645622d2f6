using System.Xml.Linq;
using IndicatorWarehouse.Reporting.Formatting;
using static IndicatorWarehouse.Reporting.Charts.Svg;

namespace IndicatorWarehouse.Reporting.Charts;

/// <summary>How a legend entry is drawn.</summary>
internal enum SwatchKind
{
    Line,
    DashedLine,
    Box,
    Hatch,

    /// <summary>A line with a break in it: where a series has no data.</summary>
    Gap,
}

/// <summary>One legend entry.</summary>
internal sealed record LegendItem(string Label, string Color, SwatchKind Kind);

/// <summary>A row of legend entries that wraps onto further rows when it is wider than the chart.</summary>
internal static class Legend
{
    private const double RowHeight = 16;
    private const double SwatchWidth = 18;

    /// <summary>The legend's group and the height it takes.</summary>
    public static (XElement Group, double Height) Build(IReadOnlyList<LegendItem> items, double left, double top, double maxWidth, ChartDefs defs)
    {
        var group = El("g", Class("chart-legend"));
        if (items.Count == 0) return (group, 0);
        double x = left, y = top;
        foreach (var item in items)
        {
            var width = SwatchWidth + 5 + TextMeasure.Width(item.Label, ChartText.Label.Size) + 16;
            if (x > left && x + width > left + maxWidth)
            {
                x = left;
                y += RowHeight;
            }
            group.Add(Swatch(item, x, y + RowHeight / 2, defs));
            group.Add(Text(x + SwatchWidth + 5, y + RowHeight / 2 + 4, item.Label, ChartText.Label));
            x += width;
        }
        return (group, y - top + RowHeight);
    }

    private static XElement Swatch(LegendItem item, double x, double midY, ChartDefs defs) => item.Kind switch
    {
        SwatchKind.Line => Line(x, midY, x + SwatchWidth, midY, item.Color, 2.5),
        SwatchKind.DashedLine => Line(x, midY, x + SwatchWidth, midY, item.Color, 1.5, "4 3"),
        SwatchKind.Gap => El("g", Line(x, midY, x + 6, midY, item.Color, 2.5), Line(x + 12, midY, x + SwatchWidth, midY, item.Color, 2.5)),
        SwatchKind.Hatch => Rect(x, midY - 5, SwatchWidth, 10, defs.HatchFill, A("stroke", ReportPalette.NoData), A("stroke-width", 0.5)),
        _ => Rect(x, midY - 5, SwatchWidth, 10, item.Color, A("rx", 1.5)),
    };
}
