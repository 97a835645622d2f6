using System.Xml.Linq;
using IndicatorWarehouse.Reporting.Formatting;
using static IndicatorWarehouse.Reporting.Charts.Svg;

namespace IndicatorWarehouse.Reporting.Charts;

/// <summary>Grid lines, tick labels and label columns shared by the charts.</summary>
internal static class Axes
{
    /// <summary>Horizontal grid lines with tick labels on the left, for a vertical value axis.</summary>
    public static XElement HorizontalGrid(LinearScale y, double left, double right, NumberStyle style) =>
        El("g", Class("chart-axis"),
            y.Ticks().Select(tick => new object[]
            {
                Line(left, y.Map(tick), right, y.Map(tick), ReportPalette.Grid, 1, null, Class("chart-grid")),
                Text(left - 6, y.Map(tick) + 3.5, style.Tick(tick), ChartText.Tick.End(), Class("chart-tick")),
            }));

    /// <summary>Vertical grid lines with tick labels under <paramref name="bottom"/>, for a horizontal value axis.</summary>
    public static XElement VerticalGrid(LinearScale x, double top, double bottom, Func<double, string> tick) =>
        El("g", Class("chart-axis"),
            x.Ticks().Select(value => new object[]
            {
                Line(x.Map(value), top, x.Map(value), bottom, ReportPalette.Grid, 1, null, Class("chart-grid")),
                Text(x.Map(value), bottom + 13, tick(value), ChartText.Tick.Middle(), Class("chart-tick")),
            }));

    /// <summary>How wide the label column of a row chart is: its longest label, within a share of the chart.</summary>
    public static double LabelColumn(IEnumerable<string> labels, double chartWidth, double maxShare = 0.36) =>
        Math.Min(labels.Select(l => TextMeasure.Width(l, ChartText.Label.Size)).DefaultIfEmpty(0).Max(), chartWidth * maxShare);

    /// <summary>A row label, shortened with "…" to fit; the full text stays in a tooltip.</summary>
    public static XElement RowLabel(string label, double x, double y, double maxWidth, TextStyle style)
    {
        var shown = TextMeasure.Fit(label, style.Size, maxWidth);
        return Text(x, y, shown, style, Class("chart-label"), shown == label ? null : Tooltip(label));
    }

    /// <summary>
    /// Text on a white patch, readable where it crosses lines and colours. (An outline drawn with a stroke
    /// would put the text twice into the PDF's text layer.)
    /// </summary>
    public static XElement OnPatch(double x, double y, string text, TextStyle style)
    {
        var width = TextMeasure.Width(text, style.Size, style.Bold) + 6;
        var left = style.Anchor switch { "middle" => x - width / 2, "end" => x - width + 3, _ => x - 3 };
        return El("g",
            Rect(left, y - style.Size, width, style.Size + 4, "#ffffff", A("fill-opacity", 0.85)),
            Text(x, y, text, style));
    }

    public static string TargetText(ChartTarget target, NumberStyle style) => $"{target.Label} {style.Format(target.Value)}";
}
