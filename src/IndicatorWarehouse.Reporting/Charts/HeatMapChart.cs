using IndicatorWarehouse.Reporting.Formatting;
using ScottPlot;
using ScottPlot.Colormaps;

namespace IndicatorWarehouse.Reporting.Charts;

/// <summary>
/// A table of coloured cells (rows × columns, e.g. units × months) with the value written in each; cells without
/// data are grey and named "không có dữ liệu" in the legend. Each cell is a ScottPlot rectangle rather than one
/// heat-map bitmap, so the cells stay vector and sharp in the PDF.
/// </summary>
public sealed record HeatMapChart : ISvgChart
{
    /// <summary>Roughly what the row labels and margins take of the width; the rest is shared by the columns.</summary>
    private const double LabelColumn = 230;

    /// <summary>A cell narrower than this has no room for its value, and a column label wider than a cell is turned.</summary>
    private const double ValueWidth = 34, LabelWidth = 48;

    public required string Title { get; init; }
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

    public string Kind => "heatmap";

    public string ToSvg()
    {
        Validate();
        var (min, max) = Scale();
        var cellWidth = (Width - LabelColumn) / Math.Max(1, ColumnLabels.Count);
        var turned = cellWidth < LabelWidth;
        using var plot = ChartStyle.NewPlot();
        plot.HideGrid();
        double Row(int i) => RowLabels.Count - 1 - i; // the first row at the top

        for (var i = 0; i < RowLabels.Count; i++)
            for (var j = 0; j < ColumnLabels.Count; j++)
            {
                var value = Values[i][j];
                var cell = plot.Add.Rectangle(j + 0.03, j + 0.97, Row(i) - 0.45, Row(i) + 0.45);
                cell.LineWidth = 0;
                cell.FillColor = value is { } v ? ColorOf(v, min, max) : ChartStyle.Of(ReportPalette.NoDataFill);
                if (value is { } shown && cellWidth >= ValueWidth)
                    ChartStyle.Note(plot, ViFormat.Number(shown, Style.Decimals), j + 0.5, Row(i), Alignment.MiddleCenter, ReportPalette.Text, ChartStyle.TickSize);
            }

        foreach (var axis in plot.Axes.GetAxes()) axis.FrameLineStyle.Width = 0;
        ChartStyle.RowLabels(plot.Axes.Left, RowLabels.Select((r, i) => (Row(i), r)));
        ChartStyle.LabelTicks(plot.Axes.Top, ColumnLabels.Select((c, j) => (j + 0.5, c)));
        plot.Axes.Top.MajorTickStyle.Length = 0;
        if (turned) Turn(plot);
        ChartStyle.LabelTicks(plot.Axes.Bottom, []);
        plot.Axes.SetLimits(0, ColumnLabels.Count, -0.5, RowLabels.Count - 0.5);
        plot.Axes.SetLimitsX(0, ColumnLabels.Count, plot.Axes.Top);

        plot.Legend.ManualItems.AddRange(ScaleItems(min, max));
        ChartStyle.Legend(plot, Edge.Bottom);
        return ChartSvg.Render(plot, Width, RowLabels.Count * CellHeight + Math.Max(plot.Axes.Top.MinimumSize, 18) + 64);
    }

    /// <summary>
    /// Column labels at 45°, rising to the right. ScottPlot sizes an axis by its labels laid flat, so the room they
    /// take turned (above the cells, and past the last column) is measured here and kept.
    /// </summary>
    private void Turn(Plot plot)
    {
        var top = plot.Axes.Top;
        top.TickLabelStyle.Rotation = -45;
        top.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        using var paint = Paint.NewDisposablePaint();
        var widest = ColumnLabels.Select(c => top.TickLabelStyle.Measure(c, paint).Width).DefaultIfEmpty(0).Max();
        top.MinimumSize = widest * 0.72f + 8;
        plot.Axes.Right.MinimumSize = widest * 0.72f;
    }

    private void Validate()
    {
        if (Values.Count != RowLabels.Count) throw new ArgumentException($"{Values.Count} rows of values for {RowLabels.Count} row labels.");
        for (var i = 0; i < Values.Count; i++)
            if (Values[i].Count != ColumnLabels.Count)
                throw new ArgumentException($"Row '{RowLabels[i]}' has {Values[i].Count} values for {ColumnLabels.Count} columns.");
    }

    private (double Min, double Max) Scale()
    {
        var present = Values.SelectMany(r => r).Where(v => v is not null).Select(v => v!.Value).ToList();
        return (Min ?? (present.Count > 0 ? present.Min() : 0), Max ?? (present.Count > 0 ? present.Max() : 0));
    }

    /// <summary>Position on the scale, 0 worst … 1 best, through the palette's red → yellow → green.</summary>
    private Color ColorOf(double value, double min, double max)
    {
        var t = max > min ? Math.Clamp((value - min) / (max - min), 0, 1) : 1;
        return new CustomInterpolated(ReportPalette.HeatScale.Select(ChartStyle.Of).ToArray()).GetColor(HigherIsBetter ? t : 1 - t);
    }

    /// <summary>The colour scale as legend entries (lowest, middle, highest value) and the no-data grey if a cell needs it.</summary>
    private IEnumerable<LegendItem> ScaleItems(double min, double max)
    {
        foreach (var value in max > min ? new[] { min, (min + max) / 2, max } : [max])
            yield return ChartStyle.Swatch(Style.Format(value), ColorOf(value, min, max));
        if (Values.Any(r => r.Any(v => v is null))) yield return ChartStyle.Swatch(ViFormat.MissingLabel, ChartStyle.Of(ReportPalette.NoDataFill));
    }

    public string Summary
    {
        get
        {
            var (min, max) = Scale();
            var missing = Values.Sum(r => r.Count(v => v is null));
            return $"Bản đồ nhiệt {RowLabels.Count} hàng × {ColumnLabels.Count} cột, giá trị từ {Style.Format(min)} đến {Style.Format(max)}" +
                   (missing > 0 ? $"; {missing} ô {ViFormat.MissingLabel}." : ".");
        }
    }
}
