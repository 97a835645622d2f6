using System.Xml.Linq;
using IndicatorWarehouse.Reporting.Formatting;
using static IndicatorWarehouse.Reporting.Charts.Svg;

namespace IndicatorWarehouse.Reporting.Charts;

/// <summary>One part of a stacked bar (e.g. "Đúng hạn") and its colour.</summary>
public sealed record StackedSegment(string Name, string Color);

/// <summary>One bar: a count per segment, in the order of the chart's segments.</summary>
public sealed record StackedBarRow(string Label, IReadOnlyList<double?> Values);

/// <summary>
/// Each row as a 100 % bar split into its parts, with the share in each part and the total on the right.
/// A row with any part missing is drawn hatched as "không có dữ liệu": its shares cannot be known.
/// </summary>
public sealed record StackedBarChart : ISvgChart
{
    private const double Pad = 8;
    private const double RowHeight = 26;
    private const double BarHeight = 17;

    /// <summary>Trước hạn / đúng hạn / trễ hạn in green, blue and red.</summary>
    public static IReadOnlyList<StackedSegment> Timeliness { get; } =
    [
        new("Trước hạn", ReportPalette.Early),
        new("Đúng hạn", ReportPalette.OnTime),
        new("Trễ hạn", ReportPalette.Late),
    ];

    public required string Title { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<StackedSegment> Segments { get; init; } = Timeliness;
    public required IReadOnlyList<StackedBarRow> Rows { get; init; }

    /// <summary>What is counted, written after totals: "hồ sơ".</summary>
    public string Unit { get; init; } = "hồ sơ";

    public double Width { get; init; } = 680;

    public string ToSvg()
    {
        foreach (var row in Rows)
            if (row.Values.Count != Segments.Count)
                throw new ArgumentException($"Row '{row.Label}' has {row.Values.Count} values for {Segments.Count} segments.");

        var defs = new ChartDefs("stacked", Title);
        var legendItems = Segments.Select(s => new LegendItem(s.Name, s.Color, SwatchKind.Box)).ToList();
        if (Rows.Any(r => Total(r) is null)) legendItems.Add(new LegendItem(ViFormat.MissingLabel, ReportPalette.NoData, SwatchKind.Hatch));
        var (legend, legendHeight) = Legend.Build(legendItems, Pad, Pad, Width - 2 * Pad, defs);

        var labelWidth = Axes.LabelColumn(Rows.Select(r => r.Label), Width, 0.3);
        var totalWidth = Rows.Select(r => TextMeasure.Width(TotalText(r), ChartText.Label.Size)).DefaultIfEmpty(0).Max() + 10;
        var top = Pad + legendHeight + 8;
        var left = Pad + labelWidth + 8;
        var right = Width - Pad - totalWidth;
        var bottom = top + Rows.Count * RowHeight;
        var x = new LinearScale(0, 100, 25, left, right);

        return ChartDocument.Render("stacked", Width, bottom + 22, Title, Description ?? Summary(),
            El("defs", defs.Hatch()),
            Axes.VerticalGrid(x, top, bottom, NumberStyle.Percent.Tick),
            Rows.Select((row, i) => Row(row, top + i * RowHeight, labelWidth, x, defs)),
            legend);
    }

    private IEnumerable<object?> Row(StackedBarRow row, double rowTop, double labelWidth, LinearScale x, ChartDefs defs)
    {
        var mid = rowTop + RowHeight / 2;
        var barTop = mid - BarHeight / 2;
        yield return Axes.RowLabel(row.Label, Pad, mid + 4, labelWidth, ChartText.Label);
        yield return Text(Width - Pad, mid + 4, TotalText(row), ChartText.Label.End());

        var total = Total(row);
        if (total is null)
        {
            yield return Rect(x.RangeStart, barTop, x.RangeEnd - x.RangeStart, BarHeight, defs.HatchFill, Class("chart-no-data"),
                Tooltip($"{row.Label}: {ViFormat.MissingLabel}"));
            yield return Axes.OnPatch((x.RangeStart + x.RangeEnd) / 2, mid + 4, ViFormat.MissingLabel, ChartText.Missing.Middle());
            yield break;
        }
        if (total == 0)
        {
            yield return Rect(x.RangeStart, barTop, x.RangeEnd - x.RangeStart, BarHeight, ReportPalette.Track);
            yield return Text((x.RangeStart + x.RangeEnd) / 2, mid + 4, $"không phát sinh {Unit}".TrimEnd(), ChartText.Missing.Middle());
            yield break;
        }

        double start = 0;
        for (var s = 0; s < Segments.Count; s++)
        {
            var count = row.Values[s]!.Value;
            var share = count / total.Value * 100;
            double x0 = x.Map(start), x1 = x.Map(start + share);
            start += share;
            if (count == 0) continue;
            yield return Rect(x0, barTop, x1 - x0, BarHeight, Segments[s].Color, Class("chart-segment"), A("data-segment", Segments[s].Name),
                Tooltip($"{row.Label} – {Segments[s].Name}: {ViFormat.Count((long)Math.Round(count))} {Unit} ({ViFormat.Percent(share)})".TrimEnd()));
            var text = ViFormat.Percent(share);
            if (TextMeasure.Width(text, ChartText.OnColor.Size, bold: true) + 6 <= x1 - x0)
                yield return Text((x0 + x1) / 2, mid + 3.5, text, ChartText.OnColor);
        }
    }

    private static double? Total(StackedBarRow row) => row.Values.Any(v => v is null) ? null : row.Values.Sum(v => v!.Value);

    private string TotalText(StackedBarRow row) =>
        Total(row) is { } total ? $"{ViFormat.Count((long)Math.Round(total))} {Unit}".TrimEnd() : ViFormat.Missing;

    private string Summary() =>
        "Cơ cấu theo " + string.Join(", ", Segments.Select(s => s.Name.ToLowerInvariant())) + ": " +
        string.Join("; ", Rows.Select(r => $"{r.Label}: " + Total(r) switch
        {
            null => ViFormat.MissingLabel,
            0 => "không phát sinh",
            { } t => string.Join(", ", Segments.Select((s, i) => $"{s.Name.ToLowerInvariant()} {ViFormat.Percent(r.Values[i]!.Value / t * 100)}")),
        })) + ".";
}
