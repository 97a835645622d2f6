using IndicatorWarehouse.Reporting.Formatting;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace IndicatorWarehouse.Reporting.Charts;

/// <summary>
/// The house style of every chart, in one place: DejaVu Sans (the report pages' font, which has every Vietnamese
/// letter), the report palette, the text sizes, a quiet frame and grid, the legend above the plot, and ticks written
/// the Vietnamese way (decimal comma, MM/yyyy).
/// </summary>
/// <remarks>
/// Every chart is vector (ScottPlot's SVG, put inline in the page), so PDFs stay sharp and their text selectable; no
/// chart needs a PNG. What Skia's SVG output cannot carry is avoided rather than rasterised: it drops dash patterns
/// and hatch fills, so reference lines are solid and named (target, plan phase), missing data is a plain grey with
/// "không có dữ liệu" beside it or in the legend, and heat-map cells are rectangles (ScottPlot's Heatmap is a bitmap).
/// </remarks>
internal static class ChartStyle
{
    public const string FontName = "DejaVu Sans";
    public const float LabelSize = 11;
    public const float TickSize = 9.5f;
    public const float NoteSize = 9.5f;
    public const float ValueSize = 10.5f;

    // Every label of ScottPlot takes this family when it is made: set once for the process, before the first plot.
    // (Not plot.Font.Set: it pins one typeface on every label made afterwards, and bold and italic labels lose their style.)
    static ChartStyle() => Fonts.Default = FontName;

    public static Color Of(string hex) => Color.FromHex(hex);

    /// <summary>A plot in the house style: no background of its own (the page shows through), grey grid, only the left and bottom edges drawn.</summary>
    public static Plot NewPlot()
    {
        var plot = new Plot();
        plot.FigureBackground.Color = Colors.Transparent;
        plot.DataBackground.Color = Colors.Transparent;
        plot.Grid.MajorLineColor = Of(ReportPalette.Grid);
        plot.Grid.MajorLineWidth = 1;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.FrameLineStyle.Color = Of(ReportPalette.Axis);
            axis.FrameLineStyle.Width = axis.Edge is Edge.Bottom or Edge.Left ? 1 : 0;
            axis.MajorTickStyle.Color = Of(ReportPalette.Axis);
            axis.MajorTickStyle.Length = 3;
            axis.MinorTickStyle.Length = 0;
            axis.TickLabelStyle.FontName = FontName;
            axis.TickLabelStyle.FontSize = TickSize;
            axis.TickLabelStyle.ForeColor = Of(ReportPalette.MutedText);
        }
        return plot;
    }

    /// <summary>The legend in a row (or rows) above the plot (or below it), without a box.</summary>
    public static void Legend(Plot plot, Edge edge = Edge.Top)
    {
        var panel = plot.ShowLegend(edge);
        panel.Alignment = Alignment.MiddleLeft;
        panel.Padding = new PixelPadding(0, 0, 6, 6);
        var legend = plot.Legend;
        legend.Orientation = Orientation.Horizontal;
        legend.TightHorizontalWrapping = true;
        legend.InterItemPadding = new PixelPadding(0, 14, 2, 2);
        legend.FontName = FontName;
        legend.FontSize = LabelSize;
        legend.FontColor = Of(ReportPalette.Text);
        legend.OutlineWidth = 0;
        legend.BackgroundColor = Colors.Transparent;
        legend.ShadowColor = Colors.Transparent;
        legend.SymbolWidth = 18;
        legend.Padding = new PixelPadding(0);
        legend.Margin = new PixelPadding(0, 0, 4, 0);
    }

    /// <summary>A legend entry drawn as a filled box, for what is not a plottable of its own (no data, heat scale).</summary>
    public static LegendItem Swatch(string label, Color color) =>
        new() { LabelText = label, FillColor = color, OutlineWidth = 0, LabelFontName = FontName, LabelFontSize = LabelSize };

    /// <summary>Value ticks as the style writes them ("90 %", "17,5"), at least 30 pixels apart (16 up a vertical axis).</summary>
    public static void ValueTicks(IAxis axis, NumberStyle style) =>
        axis.TickGenerator = new NumericAutomatic { LabelFormatter = style.Tick, MinimumTickSpacing = axis.Edge is Edge.Left or Edge.Right ? 16 : 30 };

    /// <summary>Ticks at given places with given labels (dates, unit names, totals).</summary>
    public static void LabelTicks(IAxis axis, IEnumerable<(double Position, string Label)> ticks)
    {
        var manual = new NumericManual();
        foreach (var (position, label) in ticks) manual.AddMajor(position, label);
        axis.TickGenerator = manual;
    }

    /// <summary>
    /// Category labels (units, fields) beside rows: the text colour and size of labels, no tick marks, each cut with
    /// "…" to <paramref name="maxWidth"/> pixels so that a long unit name cannot squeeze the plot.
    /// </summary>
    public static void RowLabels(IAxis axis, IEnumerable<(double Position, string Label)> rows, double maxWidth = double.MaxValue)
    {
        LabelTicks(axis, rows.Select(r => (r.Position, Fit(r.Label, LabelSize, maxWidth))));
        axis.MajorTickStyle.Length = 0;
        axis.TickLabelStyle.FontSize = LabelSize;
        axis.TickLabelStyle.ForeColor = Of(ReportPalette.Text);
    }

    /// <summary>How wide <paramref name="text"/> is drawn in the house font, as ScottPlot measures it.</summary>
    public static float TextWidth(string text, float size, bool bold = false)
    {
        using var paint = Paint.NewDisposablePaint();
        return new LabelStyle { FontName = FontName, FontSize = size, Bold = bold }.Measure(text, paint).Width;
    }

    /// <summary>The widest of <paramref name="texts"/>, or 0.</summary>
    public static float WidestText(IEnumerable<string> texts, float size, bool bold = false) =>
        texts.Select(t => TextWidth(t, size, bold)).DefaultIfEmpty(0).Max();

    /// <summary>The text, or as much of it as fits in <paramref name="maxWidth"/> pixels followed by "…".</summary>
    public static string Fit(string text, float size, double maxWidth)
    {
        if (maxWidth == double.MaxValue || TextWidth(text, size) <= maxWidth) return text;
        var cut = text;
        while (cut.Length > 1 && TextWidth(cut + "…", size) > maxWidth) cut = cut[..^1];
        return cut.TrimEnd() + "…";
    }

    /// <summary>The values written on or beside bars: bold, in the value size.</summary>
    public static void ValueLabels(LabelStyle label, string color)
    {
        label.FontName = FontName;
        label.FontSize = ValueSize;
        label.Bold = true;
        label.ForeColor = Of(color);
    }

    /// <summary>Text placed at a point of the plot, in one of the report's text styles.</summary>
    public static ScottPlot.Plottables.Text Note(Plot plot, string text, double x, double y, Alignment alignment, string color,
        float size = NoteSize, bool bold = false, bool italic = false)
    {
        var note = plot.Add.Text(text, x, y);
        note.LabelFontName = FontName;
        note.LabelFontSize = size;
        note.LabelFontColor = Of(color);
        note.LabelBold = bold;
        note.LabelItalic = italic;
        note.LabelAlignment = alignment;
        return note;
    }

    /// <summary>
    /// A vertical line's label (target, plan phase): the line's colour, above the plot, which keeps room for it. Near
    /// either end of the axis (<paramref name="along"/>: 0 left … 1 right) the label runs inwards, so it stays whole.
    /// </summary>
    public static void LineLabel(Plot plot, ScottPlot.Plottables.VerticalLine line, double along, string text, string color, bool bold = false)
    {
        plot.Axes.Top.MinimumSize = Math.Max(plot.Axes.Top.MinimumSize, NoteSize + 10);
        line.ManualLabelAlignment = along > 0.8 ? Alignment.LowerRight : along < 0.2 ? Alignment.LowerLeft : Alignment.LowerCenter;
        line.Text = text;
        line.LabelOppositeAxis = true;
        line.ExcludeFromLegend = true;
        line.LabelFontName = FontName;
        line.LabelFontSize = NoteSize;
        line.LabelBold = bold;
        line.LabelFontColor = Of(color);
        line.LabelBackgroundColor = Colors.Transparent;
        line.LabelRotation = 0;
    }
}
