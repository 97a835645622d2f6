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
    /// <summary>Unit names longer than this share of the width are cut with "…".</summary>
    private const double MaxLabelShare = 0.3;

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
        var labelWidth = Math.Min(ChartStyle.WidestText(RowLabels, ChartStyle.LabelSize), Width * MaxLabelShare);
        var columnWidest = ChartStyle.WidestText(ColumnLabels, ChartStyle.TickSize);
        // Column labels wider than their cell are turned 45°, rising past the last column by about 0.7 of their width.
        var turned = columnWidest + 6 > (Width - labelWidth - 24) / Math.Max(1, ColumnLabels.Count);
        var rightRoom = turned ? columnWidest * 0.72f : 0;
        var cellWidth = (Width - labelWidth - 24 - rightRoom) / Math.Max(1, ColumnLabels.Count);
        var texts = Values.Select(r => r.Select(v => v is { } x ? ViFormat.Number(x, Style.Decimals) : "").ToList()).ToList();
        var valuesFit = ChartStyle.WidestText(texts.SelectMany(r => r), ChartStyle.TickSize) + 4 <= cellWidth;

        using var plot = ChartStyle.NewPlot();
        plot.HideGrid();
        double Row(int i) => RowLabels.Count - 1 - i; // the first row at the top
        for (var i = 0; i < RowLabels.Count; i++)
            for (var j = 0; j < ColumnLabels.Count; j++)
            {
                var cell = plot.Add.Rectangle(j + 0.03, j + 0.97, Row(i) - 0.45, Row(i) + 0.45);
                cell.LineWidth = 0;
                cell.FillColor = Values[i][j] is { } v ? ColorOf(v, min, max) : ChartStyle.Of(ReportPalette.NoDataFill);
                if (Values[i][j] is not null && valuesFit)
                    ChartStyle.Note(plot, texts[i][j], j + 0.5, Row(i), Alignment.MiddleCenter, ReportPalette.Text, ChartStyle.TickSize);
            }

        foreach (var axis in plot.Axes.GetAxes()) axis.FrameLineStyle.Width = 0;
        ChartStyle.RowLabels(plot.Axes.Left, RowLabels.Select((r, i) => (Row(i), r)), labelWidth);
        ChartStyle.LabelTicks(plot.Axes.Top, ColumnLabels.Select((c, j) => (j + 0.5, c)));
        var top = plot.Axes.Top;
        top.MajorTickStyle.Length = 0;
        if (turned)
        {
            // ScottPlot sizes an axis by its labels laid flat: the room they take turned is kept here.
            top.TickLabelStyle.Rotation = -45;
            top.TickLabelStyle.Alignment = Alignment.MiddleLeft;
            top.MinimumSize = columnWidest * 0.72f + 8;
            plot.Axes.Right.MinimumSize = rightRoom;
        }
        ChartStyle.LabelTicks(plot.Axes.Bottom, []);
        plot.Axes.SetLimits(0, ColumnLabels.Count, -0.5, RowLabels.Count - 0.5);
        plot.Axes.SetLimitsX(0, ColumnLabels.Count, top);

        plot.Legend.ManualItems.AddRange(ScaleItems(min, max));
        ChartStyle.Legend(plot, Edge.Bottom);
        return ChartSvg.Render(plot, Width, RowLabels.Count * CellHeight + Math.Max(top.MinimumSize, 18) + 64);
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
