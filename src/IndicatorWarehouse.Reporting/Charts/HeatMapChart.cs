using System.Xml.Linq;
using IndicatorWarehouse.Reporting.Formatting;
using static IndicatorWarehouse.Reporting.Charts.Svg;

namespace IndicatorWarehouse.Reporting.Charts;

/// <summary>
/// A table of coloured cells (rows × columns, e.g. units × months) with the value written in each;
/// cells without data are hatched grey and named "không có dữ liệu" in the legend.
/// </summary>
public sealed record HeatMapChart : ISvgChart
{
    private const double Pad = 8;
    private const double LegendHeight = 34;

    public required string Title { get; init; }
    public string? Description { get; init; }
    public required IReadOnlyList<string> RowLabels { get; init; }
    public required IReadOnlyList<string> ColumnLabels { get; init; }

    /// <summary>One list per row, one value per column.</summary>
    public required IReadOnlyList<IReadOnlyList<double?>> Values { get; init; }

    public NumberStyle Style { get; init; } = NumberStyle.Percent;
    public bool HigherIsBetter { get; init; } = true;

    /// <summary>Ends of the colour scale; default the smallest and largest value present.</summary>
    public double? Min { get; init; }

    public double? Max { get; init; }
    public double Width { get; init; } = 680;
    public double CellHeight { get; init; } = 22;

    public string ToSvg()
    {
        Validate();
        var defs = new ChartDefs("heatmap", Title);
        var present = Values.SelectMany(r => r).Where(v => v is not null).Select(v => v!.Value).ToList();
        var min = Min ?? (present.Count > 0 ? present.Min() : 0);
        var max = Max ?? (present.Count > 0 ? present.Max() : 0);

        var labelWidth = Axes.LabelColumn(RowLabels, Width, 0.3);
        var left = Pad + labelWidth + 8;
        var cellWidth = (Width - Pad - left) / Math.Max(1, ColumnLabels.Count);
        var widest = ColumnLabels.Select(c => TextMeasure.Width(c, ChartText.Tick.Size)).DefaultIfEmpty(0).Max();
        var rotate = widest > cellWidth - 4;
        var top = Pad + (rotate ? widest * 0.72 + 8 : 16);
        var bottom = top + RowLabels.Count * CellHeight;

        return ChartDocument.Render("heatmap", Width, bottom + LegendHeight, Title, Description ?? Summary(min, max),
            El("defs", defs.Hatch(), Gradient(defs)),
            ColumnLabels.Select((c, j) => ColumnLabel(c, left + (j + 0.5) * cellWidth, top - 6, rotate)),
            RowLabels.Select((r, i) => Axes.RowLabel(r, Pad, top + (i + 0.5) * CellHeight + 4, labelWidth, ChartText.Label)),
            RowLabels.Select((r, i) => ColumnLabels.Select((c, j) =>
                Cell(r, c, Values[i][j], left + j * cellWidth, top + i * CellHeight, cellWidth, min, max, defs))),
            ScaleLegend(left, bottom + 12, min, max, defs));
    }

    private void Validate()
    {
        if (Values.Count != RowLabels.Count) throw new ArgumentException($"{Values.Count} rows of values for {RowLabels.Count} row labels.");
        for (var i = 0; i < Values.Count; i++)
            if (Values[i].Count != ColumnLabels.Count)
                throw new ArgumentException($"Row '{RowLabels[i]}' has {Values[i].Count} values for {ColumnLabels.Count} columns.");
    }

    private static XElement ColumnLabel(string label, double x, double y, bool rotate) => rotate
        ? Text(x + 3, y, label, ChartText.Tick.Start(), A("transform", $"rotate(-45 {N(x + 3)} {N(y)})"), Class("chart-tick"))
        : Text(x, y, label, ChartText.Tick.Middle(), Class("chart-tick"));

    private XElement Cell(string row, string column, double? value, double x, double y, double width, double min, double max, ChartDefs defs)
    {
        if (value is not { } v)
            return Rect(x + 1, y + 1, width - 2, CellHeight - 2, defs.HatchFill, Class("chart-cell chart-no-data"),
                Tooltip($"{row} – {column}: {ViFormat.MissingLabel}"));
        var number = ViFormat.Number(v, Style.Decimals);
        var fits = TextMeasure.Width(number, ChartText.Tick.Size) + 4 <= width;
        return El("g",
            Rect(x + 1, y + 1, width - 2, CellHeight - 2, Color(v, min, max), Class("chart-cell"), Tooltip($"{row} – {column}: {Style.Format(v)}")),
            fits ? Text(x + width / 2, y + CellHeight / 2 + 3.5, number, ChartText.Tick.Middle() with { Color = ReportPalette.Text }) : null);
    }

    /// <summary>Position on the scale, 0 worst … 1 best, then blended between the palette's three stops.</summary>
    private string Color(double value, double min, double max)
    {
        var t = max > min ? Math.Clamp((value - min) / (max - min), 0, 1) : 1;
        if (!HigherIsBetter) t = 1 - t;
        var stops = ReportPalette.HeatScale;
        var (from, to, local) = t < 0.5 ? (stops[0], stops[1], t * 2) : (stops[1], stops[2], (t - 0.5) * 2);
        return Blend(from, to, local);
    }

    private static string Blend(string from, string to, double t)
    {
        int Channel(string hex, int i) => Convert.ToInt32(hex.Substring(1 + 2 * i, 2), 16);
        return "#" + string.Concat(Enumerable.Range(0, 3).Select(i =>
            ((int)Math.Round(Channel(from, i) + (Channel(to, i) - Channel(from, i)) * t)).ToString("x2")));
    }

    private XElement Gradient(ChartDefs defs)
    {
        var stops = HigherIsBetter ? ReportPalette.HeatScale : ReportPalette.HeatScale.Reverse().ToList();
        return El("linearGradient", A("id", defs.Id("scale")),
            stops.Select((color, i) => El("stop", A("offset", i / (double)(stops.Count - 1)), A("stop-color", color))));
    }

    private XElement ScaleLegend(double left, double top, double min, double max, ChartDefs defs)
    {
        const double barWidth = 160;
        var group = El("g", Class("chart-legend"),
            Rect(left, top, barWidth, 9, $"url(#{defs.Id("scale")})"),
            Text(left, top + 21, Style.Format(min), ChartText.Tick.Start()),
            Text(left + barWidth, top + 21, Style.Format(max), ChartText.Tick.End()));
        if (Values.Any(r => r.Any(v => v is null)))
        {
            var x = left + barWidth + 24;
            group.Add(Rect(x, top - 1, 18, 11, defs.HatchFill, A("stroke", ReportPalette.NoData), A("stroke-width", 0.5)));
            group.Add(Text(x + 24, top + 8.5, ViFormat.MissingLabel, ChartText.Label));
        }
        return group;
    }

    private string Summary(double min, double max)
    {
        var missing = Values.Sum(r => r.Count(v => v is null));
        return $"Bản đồ nhiệt {RowLabels.Count} hàng × {ColumnLabels.Count} cột, giá trị từ {Style.Format(min)} đến {Style.Format(max)}" +
               (missing > 0 ? $"; {missing} ô {ViFormat.MissingLabel}." : ".");
    }
}
