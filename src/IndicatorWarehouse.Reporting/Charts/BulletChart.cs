using System.Xml.Linq;
using IndicatorWarehouse.Reporting.Formatting;
using static IndicatorWarehouse.Reporting.Charts.Svg;

namespace IndicatorWarehouse.Reporting.Charts;

/// <summary>One measure against its target; either may be missing.</summary>
public sealed record BulletRow(string Label, double? Value, double? Target);

/// <summary>
/// Value against target, one row per measure: a bar for the value, a tick for the target, the shortfall
/// shaded between them, and on the right the value with its gap to the target.
/// </summary>
public sealed record BulletChart : ISvgChart
{
    private const double Pad = 8;
    private const double RowHeight = 38;
    private const double TrackHeight = 16;
    private const double BarHeight = 7;

    public required string Title { get; init; }
    public string? Description { get; init; }
    public required IReadOnlyList<BulletRow> Rows { get; init; }
    public NumberStyle Style { get; init; } = NumberStyle.Percent;
    public bool HigherIsBetter { get; init; } = true;

    /// <summary>The end of the scale; 100 for percentages, otherwise fitted to values and targets.</summary>
    public double? Max { get; init; }

    public double Width { get; init; } = 680;

    public string ToSvg()
    {
        var defs = new ChartDefs("bullet", Title);
        var labelWidth = Axes.LabelColumn(Rows.Select(r => r.Label), Width, 0.32);
        var textWidth = Rows.Select(r => Math.Max(TextMeasure.Width(Style.Format(r.Value), ChartText.Value.Size, bold: true),
            TextMeasure.Width(GapText(r), ChartText.Note.Size))).DefaultIfEmpty(0).Max() + 12;
        var left = Pad + labelWidth + 10;
        var right = Width - Pad - textWidth;
        var top = Pad;
        var bottom = top + Rows.Count * RowHeight;
        var values = Rows.SelectMany(r => new[] { r.Value, r.Target }).Where(v => v is not null).Select(v => v!.Value);
        var x = LinearScale.For(values, new ScaleRequest(FromZero: true, Style.IsPercent, Max: Max ?? (Style.IsPercent ? 100 : null)), left, right);

        return ChartDocument.Render("bullet", Width, bottom + 20, Title, Description ?? Summary(),
            El("defs", defs.Hatch()),
            Axes.VerticalGrid(x, top, bottom, Style.Tick),
            Rows.Select((row, i) => Row(row, top + i * RowHeight, labelWidth, x, defs)));
    }

    private IEnumerable<object?> Row(BulletRow row, double rowTop, double labelWidth, LinearScale x, ChartDefs defs)
    {
        var mid = rowTop + RowHeight / 2;
        yield return Axes.RowLabel(row.Label, Pad, mid + 4, labelWidth, ChartText.Label);
        yield return Rect(x.RangeStart, mid - TrackHeight / 2, x.RangeEnd - x.RangeStart, TrackHeight,
            row.Value is null ? defs.HatchFill : ReportPalette.Track, Class("chart-track"));

        if (row.Value is { } value && row.Target is { } target && !Meets(value, target))
        {
            double a = x.Map(Math.Clamp(value, x.Min, x.Max)), b = x.Map(Math.Clamp(target, x.Min, x.Max));
            yield return Rect(Math.Min(a, b), mid - TrackHeight / 2, Math.Abs(b - a), TrackHeight, ReportPalette.NotMet,
                A("fill-opacity", 0.22), Class("chart-gap"), Tooltip($"{row.Label}: cách mục tiêu {Style.Gap(value - target)}"));
        }
        if (row.Value is { } v)
            yield return Rect(x.Map(Math.Max(0, x.Min)), mid - BarHeight / 2, x.Map(Math.Clamp(v, x.Min, x.Max)) - x.Map(Math.Max(0, x.Min)), BarHeight,
                row.Target is { } t ? (Meets(v, t) ? ReportPalette.Met : ReportPalette.NotMet) : ReportPalette.TargetLine,
                Class("chart-value"), Tooltip($"{row.Label}: {Style.Format(v)}"));
        if (row.Target is { } goal)
            yield return Line(x.Map(Math.Clamp(goal, x.Min, x.Max)), mid - TrackHeight / 2 - 3, x.Map(Math.Clamp(goal, x.Min, x.Max)), mid + TrackHeight / 2 + 3,
                ReportPalette.TargetLine, 2.5, null, Class("chart-target"), Tooltip($"Mục tiêu: {Style.Format(goal)}"));

        var textX = Width - Pad;
        yield return row.Value is null
            ? Text(textX, mid - 1, ViFormat.MissingLabel, ChartText.Missing.End(), Class("chart-no-data"))
            : Text(textX, mid - 1, Style.Format(row.Value), ChartText.Value.End());
        yield return Text(textX, mid + 12, GapText(row), ChartText.Note.End() with { Color = GapColor(row) });
    }

    private bool Meets(double value, double target) => HigherIsBetter ? value >= target : value <= target;

    private string GapText(BulletRow row) => row switch
    {
        { Target: null } => "chưa có mục tiêu",
        { Value: null } => $"mục tiêu {Style.Format(row.Target)}",
        _ => $"mục tiêu {Style.Format(row.Target)} · {Style.Gap(row.Value - row.Target)}",
    };

    private string GapColor(BulletRow row) => row is { Value: { } v, Target: { } t }
        ? (Meets(v, t) ? ReportPalette.Met : ReportPalette.NotMet)
        : ReportPalette.MutedText;

    private string Summary() =>
        "So sánh với mục tiêu: " + string.Join("; ", Rows.Select(r => $"{r.Label} {Style.Describe(r.Value)}, {GapText(r)}")) + ".";
}
