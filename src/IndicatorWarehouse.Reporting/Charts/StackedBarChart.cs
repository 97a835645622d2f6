using IndicatorWarehouse.Reporting.Formatting;
using ScottPlot;

namespace IndicatorWarehouse.Reporting.Charts;

/// <summary>One part of a stacked bar (e.g. "Đúng hạn") and its colour.</summary>
public sealed record StackedSegment(string Name, string Color);

/// <summary>One bar: a count per segment, in the order of the chart's segments.</summary>
public sealed record StackedBarRow(string Label, IReadOnlyList<double?> Values);

/// <summary>
/// Each row as a 100 % bar split into its parts, with the share in each part and the total on the right.
/// A row with any part missing is drawn grey as "không có dữ liệu": its shares cannot be known.
/// </summary>
public sealed record StackedBarChart : ISvgChart
{
    private const double RowHeight = 26;
    private const double BarSize = 0.66;

    /// <summary>Field names longer than this share of the width are cut with "…".</summary>
    private const double MaxLabelShare = 0.3;

    /// <summary>Shares narrower than this (in percent of the bar) are not written in their part: the text would not fit.</summary>
    private const double LabelledShare = 12;

    /// <summary>Trước hạn / đúng hạn / trễ hạn in green, blue and red.</summary>
    public static IReadOnlyList<StackedSegment> Timeliness { get; } =
    [
        new("Trước hạn", ReportPalette.Early),
        new("Đúng hạn", ReportPalette.OnTime),
        new("Trễ hạn", ReportPalette.Late),
    ];

    public required string Title { get; init; }
    public IReadOnlyList<StackedSegment> Segments { get; init; } = Timeliness;
    public required IReadOnlyList<StackedBarRow> Rows { get; init; }

    /// <summary>What is counted, written after totals: "hồ sơ".</summary>
    public string Unit { get; init; } = "hồ sơ";

    public double Width { get; init; } = 680;

    public string Kind => "stacked";

    public string ToSvg()
    {
        foreach (var row in Rows)
            if (row.Values.Count != Segments.Count)
                throw new ArgumentException($"Row '{row.Label}' has {row.Values.Count} values for {Segments.Count} segments.");

        using var plot = ChartStyle.NewPlot();
        plot.Grid.YAxisStyle.IsVisible = false;
        double Row(int k) => Rows.Count - 1 - k; // the first row at the top

        var parts = Segments.Select(_ => new List<Bar>()).ToList();
        var blanks = new List<Bar>();
        var notes = new List<(string Text, double Row)>();
        for (var k = 0; k < Rows.Count; k++)
        {
            if (Total(Rows[k]) is not (> 0 and var total))
            {
                blanks.Add(Part(Row(k), 0, 100, Total(Rows[k]) is null ? ReportPalette.NoDataFill : ReportPalette.Track));
                notes.Add((Total(Rows[k]) is null ? ViFormat.MissingLabel : $"không phát sinh {Unit}".TrimEnd(), Row(k)));
                continue;
            }
            double start = 0;
            for (var s = 0; s < Segments.Count; s++)
            {
                var share = Rows[k].Values[s]!.Value / total * 100;
                if (share > 0)
                    parts[s].Add(Part(Row(k), start, start + share, Segments[s].Color, share >= LabelledShare ? ViFormat.Percent(share) : ""));
                start += share;
            }
        }
        foreach (var bars in parts.Append(blanks).Where(b => b.Count > 0))
        {
            var barPlot = plot.Add.Bars(bars);
            barPlot.Horizontal = true;
            ChartStyle.ValueLabels(barPlot.ValueLabelStyle, "#ffffff");
            barPlot.ValueLabelStyle.FontSize = ChartStyle.NoteSize;
        }
        foreach (var (text, row) in notes) ChartStyle.Note(plot, text, 50, row, Alignment.MiddleCenter, ReportPalette.MutedText, italic: true);

        foreach (var segment in Segments) plot.Legend.ManualItems.Add(ChartStyle.Swatch(segment.Name, ChartStyle.Of(segment.Color)));
        if (Rows.Any(r => Total(r) is null)) plot.Legend.ManualItems.Add(ChartStyle.Swatch(ViFormat.MissingLabel, ChartStyle.Of(ReportPalette.NoDataFill)));
        ChartStyle.Legend(plot);

        ChartStyle.RowLabels(plot.Axes.Left, Rows.Select((r, k) => (Row(k), r.Label)), Width * MaxLabelShare);
        ChartStyle.RowLabels(plot.Axes.Right, Rows.Select((r, k) => (Row(k), TotalText(r))));
        ChartStyle.LabelTicks(plot.Axes.Bottom, new[] { 0d, 25, 50, 75, 100 }.Select(p => (p, NumberStyle.Percent.Tick(p))));
        plot.Axes.SetLimits(0, 100, -0.5, Rows.Count - 0.5);
        plot.Axes.SetLimitsY(-0.5, Rows.Count - 0.5, plot.Axes.Right);
        return ChartSvg.Render(plot, Width, Rows.Count * RowHeight + 64);
    }

    private static Bar Part(double position, double from, double to, string color, string label = "") => new()
    {
        Position = position, ValueBase = from, Value = to, Size = BarSize, FillColor = ChartStyle.Of(color), LineWidth = 0,
        Orientation = Orientation.Horizontal, CenterLabel = true, Label = label,
    };

    private static double? Total(StackedBarRow row) => row.Values.Any(v => v is null) ? null : row.Values.Sum(v => v!.Value);

    private string TotalText(StackedBarRow row) =>
        Total(row) is { } total ? $"{ViFormat.Count((long)Math.Round(total))} {Unit}".TrimEnd() : ViFormat.Missing;

    public string Summary =>
        "Cơ cấu theo " + string.Join(", ", Segments.Select(s => s.Name.ToLowerInvariant())) + ": " +
        string.Join("; ", Rows.Select(r => $"{r.Label}: " + Total(r) switch
        {
            null => ViFormat.MissingLabel,
            0 => "không phát sinh",
            { } t => string.Join(", ", Segments.Select((s, i) => $"{s.Name.ToLowerInvariant()} {ViFormat.Percent(r.Values[i]!.Value / t * 100)}")),
        })) + ".";
}
