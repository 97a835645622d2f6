using IndicatorWarehouse.Reporting.Formatting;
using ScottPlot;

namespace IndicatorWarehouse.Reporting.Charts;

/// <summary>A word-sized trend line for tiles and table cells; gaps where a value is missing, a dot on the latest value.</summary>
public sealed record Sparkline : ISvgChart
{
    public required string Title { get; init; }
    public required IReadOnlyList<double?> Values { get; init; }
    public NumberStyle Style { get; init; } = NumberStyle.Percent;
    public double? Target { get; init; }
    public string Color { get; init; } = ReportPalette.Accent;
    public double Width { get; init; } = 120;
    public double Height { get; init; } = 28;

    public string Kind => "sparkline";

    public string ToSvg()
    {
        using var plot = ChartStyle.NewPlot();
        plot.Layout.Frameless();
        plot.Axes.Frameless();
        plot.HideGrid();

        var color = ChartStyle.Of(Color);
        var xs = Enumerable.Range(0, Values.Count).Select(i => (double)i).ToArray();
        var ys = SeriesPoints.WithGaps(Values);
        if (Target is { } target) plot.Add.HorizontalLine(target, 1, ChartStyle.Of(ReportPalette.AtRisk)).ExcludeFromLegend = true;
        var line = plot.Add.Scatter(xs, ys, color);
        line.LineWidth = 1.6f;
        line.MarkerSize = 0;
        // Values alone between gaps, and the latest value, as dots (a lone value has no line to show it).
        var dots = SeriesPoints.Lone(ys).Append(Array.FindLastIndex(ys, y => !double.IsNaN(y))).Where(i => i >= 0).Distinct().ToArray();
        if (dots.Length > 0)
            plot.Add.Markers(dots.Select(i => xs[i]).ToArray(), dots.Select(i => ys[i]).ToArray(), MarkerShape.FilledCircle, 4.5f, color);

        var range = ValueRange.For(ys.Append(Target ?? double.NaN), fromZero: false, percent: false);
        // A few pixels of room on every side, so that the line and its dots are not cut by the edge.
        double padX = Math.Max(Values.Count - 1, 1) * 4 / Width, padY = (range.High - range.Low) * 4 / Height;
        plot.Axes.SetLimits(-padX, Math.Max(Values.Count - 1, 0) + padX, range.Low - padY, range.High + padY);
        return ChartSvg.Render(plot, Width, Height);
    }

    public string Summary
    {
        get
        {
            var present = Values.Where(v => v is not null).ToList();
            return present.Count == 0
                ? ViFormat.MissingLabel
                : $"Từ {Style.Format(present[0])} đến {Style.Format(present[^1])} qua {Values.Count} kỳ" +
                  (present.Count < Values.Count ? $", {Values.Count - present.Count} kỳ {ViFormat.MissingLabel}." : ".");
        }
    }
}
