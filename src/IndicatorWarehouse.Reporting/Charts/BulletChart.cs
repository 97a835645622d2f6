using IndicatorWarehouse.Reporting.Formatting;
using ScottPlot;

namespace IndicatorWarehouse.Reporting.Charts;

/// <summary>One measure against its target; either may be missing.</summary>
public sealed record BulletRow(string Label, double? Value, double? Target);

/// <summary>
/// Value against target, one row per measure: a bar for the value, a tick for the target, the shortfall
/// shaded between them, and on the right the value with its gap to the target.
/// </summary>
public sealed record BulletChart : ISvgChart
{
    private const double RowHeight = 38;
    private const double TrackSize = 0.46;
    private const double ValueSize = 0.2;

    /// <summary>Measure names longer than this share of the width are cut with "…".</summary>
    private const double MaxLabelShare = 0.32;

    public required string Title { get; init; }
    public required IReadOnlyList<BulletRow> Rows { get; init; }
    public NumberStyle Style { get; init; } = NumberStyle.Percent;
    public bool HigherIsBetter { get; init; } = true;

    /// <summary>The end of the scale; 100 for percentages, otherwise fitted to values and targets.</summary>
    public double? Max { get; init; }

    public double Width { get; init; } = 680;

    public string Kind => "bullet";

    public string ToSvg()
    {
        using var plot = ChartStyle.NewPlot();
        plot.Grid.YAxisStyle.IsVisible = false;
        double Row(int k) => Rows.Count - 1 - k; // the first row at the top
        var values = Rows.SelectMany(r => new[] { r.Value, r.Target }).Where(v => v is not null).Select(v => v!.Value);
        var range = ValueRange.For(values, fromZero: true, Style.IsPercent, max: Max ?? (Style.IsPercent ? 100 : null));

        var bars = new List<Bar>();
        for (var k = 0; k < Rows.Count; k++)
        {
            var row = Rows[k];
            bars.Add(Bar(Row(k), range.Low, range.High, TrackSize, row.Value is null ? ReportPalette.NoDataFill : ReportPalette.Track));
            if (row is { Value: { } value, Target: { } target } && !Meets(value, target))
                bars.Add(Bar(Row(k), Clamp(value, range), Clamp(target, range), TrackSize, ReportPalette.NotMet, opacity: 0.22));
            if (row.Value is { } v)
                bars.Add(Bar(Row(k), Math.Max(0, range.Low), Clamp(v, range), ValueSize, row.Target is { } t ? (Meets(v, t) ? ReportPalette.Met : ReportPalette.NotMet) : ReportPalette.TargetLine));
        }
        plot.Add.Bars(bars).Horizontal = true;
        for (var k = 0; k < Rows.Count; k++)
        {
            if (Rows[k].Target is not { } goal) continue;
            var tick = plot.Add.Line(Clamp(goal, range), Row(k) - TrackSize * 0.7, Clamp(goal, range), Row(k) + TrackSize * 0.7);
            tick.LineWidth = 2.5f;
            tick.LineColor = ChartStyle.Of(ReportPalette.TargetLine);
            tick.MarkerSize = 0;
        }

        ChartStyle.RowLabels(plot.Axes.Left, Rows.Select((r, k) => (Row(k), r.Label)), Width * MaxLabelShare);
        ChartStyle.RowLabels(plot.Axes.Right, Rows.Select((r, k) => (Row(k), $"{Style.Describe(r.Value)}\n{GapText(r)}")));
        ChartStyle.ValueTicks(plot.Axes.Bottom, Style);
        plot.Axes.SetLimits(range.Low, range.High, -0.5, Rows.Count - 0.5);
        plot.Axes.SetLimitsY(-0.5, Rows.Count - 0.5, plot.Axes.Right);
        return ChartSvg.Render(plot, Width, Rows.Count * RowHeight + 30);
    }

    private static Bar Bar(double position, double from, double to, double size, string color, double opacity = 1) => new()
    {
        Position = position, ValueBase = from, Value = to, Size = size, FillColor = ChartStyle.Of(color).WithAlpha(opacity), LineWidth = 0,
        Orientation = Orientation.Horizontal,
    };

    private static double Clamp(double value, ValueRange range) => Math.Clamp(value, range.Low, range.High);

    private bool Meets(double value, double target) => HigherIsBetter ? value >= target : value <= target;

    private string GapText(BulletRow row) => row switch
    {
        { Target: null } => "chưa có mục tiêu",
        { Value: null } => $"mục tiêu {Style.Format(row.Target)}",
        _ => $"mục tiêu {Style.Format(row.Target)} · {Style.Gap(row.Value - row.Target)}",
    };

    public string Summary =>
        "So sánh với mục tiêu: " + string.Join("; ", Rows.Select(r => $"{r.Label} {Style.Describe(r.Value)}, {GapText(r)}")) + ".";
}
