using System.Xml.Linq;
using IndicatorWarehouse.Reporting.Formatting;
using static IndicatorWarehouse.Reporting.Charts.Svg;

namespace IndicatorWarehouse.Reporting.Charts;

/// <summary>Values over time: several series, an optional target line, target band and dated marker.</summary>
public sealed record LineChart : ISvgChart
{
    private const double Pad = 8;
    private const int MaxPointMarkers = 40;

    public required string Title { get; init; }

    /// <summary>Read by screen readers; a summary is written when none is given.</summary>
    public string? Description { get; init; }

    /// <summary>The dates the values belong to, ascending; labelled MM/yyyy.</summary>
    public required IReadOnlyList<DateOnly> Dates { get; init; }

    public required IReadOnlyList<ChartSeries> Series { get; init; }

    public NumberStyle Style { get; init; } = NumberStyle.Percent;
    public ChartTarget? Target { get; init; }
    public ChartBand? TargetBand { get; init; }
    public ChartMarker? Marker { get; init; }

    /// <summary>Fixes the value axis; otherwise it fits the data.</summary>
    public double? Min { get; init; }

    public double? Max { get; init; }

    /// <summary>One value per year: the axis is labelled yyyy instead of MM/yyyy.</summary>
    public bool Yearly { get; init; }

    public double Width { get; init; } = 680;
    public double Height { get; init; } = 280;

    public string ToSvg()
    {
        Validate();
        var defs = new ChartDefs("line", Title);
        var (legend, legendHeight) = Legend.Build(LegendItems(), Pad, Pad, Width - 2 * Pad, defs);

        var top = Pad + legendHeight + (Marker is null ? 10 : 24);
        var bottom = Height - 24;
        var y = LinearScale.For(ScaledValues(), new ScaleRequest(FromZero: false, Style.IsPercent, Min, Max), bottom, top);
        var left = Pad + y.Ticks().Select(t => TextMeasure.Width(Style.Tick(t), ChartText.Tick.Size)).Max() + 8;
        var right = Width - Pad - 4;
        var x = new TimeAxis(Dates, left, right, Yearly);

        return ChartDocument.Render("line", Width, Height, Title, Description ?? Summary(),
            El("defs", defs.Hatch()),
            TargetBand is { } band ? Rect(left, y.Map(Math.Min(band.High, y.Max)), right - left,
                y.Map(Math.Max(band.Low, y.Min)) - y.Map(Math.Min(band.High, y.Max)), ReportPalette.Band, A("fill-opacity", 0.35), Class("chart-band")) : null,
            Axes.HorizontalGrid(y, left, right, Style),
            Line(left, bottom, right, bottom, ReportPalette.Axis, 1),
            x.Labels(bottom + 15),
            MarkerLine(x, top, bottom),
            Target is { } target ? Line(left, y.Map(target.Value), right, y.Map(target.Value), ReportPalette.TargetLine, 1.5, "6 4", Class("chart-target")) : null,
            Series.Select((s, i) => SeriesGroup(s, s.Color ?? ReportPalette.SeriesColor(i), x, y)),
            Target is { } t ? Axes.OnPatch(right - 2, y.Map(t.Value) - 5, Axes.TargetText(t, Style), ChartText.Note.End() with { Color = ReportPalette.TargetLine }) : null,
            legend);
    }

    private void Validate()
    {
        if (Dates.Count == 0) throw new ArgumentException("A line chart needs at least one date.");
        foreach (var s in Series)
            if (s.Values.Count != Dates.Count)
                throw new ArgumentException($"Series '{s.Name}' has {s.Values.Count} values for {Dates.Count} dates.");
        for (var i = 1; i < Dates.Count; i++)
            if (Dates[i] <= Dates[i - 1]) throw new ArgumentException("Dates must be strictly ascending.");
    }

    private IEnumerable<double> ScaledValues()
    {
        foreach (var s in Series)
            foreach (var v in s.Values)
                if (v is { } value) yield return value;
        if (Target is { } t) yield return t.Value;
        if (TargetBand is { } b)
        {
            yield return b.Low;
            yield return b.High;
        }
    }

    private List<LegendItem> LegendItems()
    {
        var items = Series.Select((s, i) => new LegendItem(s.Name, s.Color ?? ReportPalette.SeriesColor(i), s.Dashed ? SwatchKind.DashedLine : SwatchKind.Line)).ToList();
        if (TargetBand is { } b)
            items.Add(new LegendItem($"{b.Label} {ViFormat.Compact(b.Low)}–{Style.Tick(b.High)}", ReportPalette.Band, SwatchKind.Box));
        if (Series.Any(s => s.Values.Any(v => v is null)))
            items.Add(new LegendItem("Đoạn trống: " + ViFormat.MissingLabel, ReportPalette.NoData, SwatchKind.Gap));
        return items;
    }

    private XElement? MarkerLine(TimeAxis x, double top, double bottom)
    {
        if (Marker is not { } marker || !x.Contains(marker.At)) return null;
        var at = x.Map(marker.At);
        var half = TextMeasure.Width(marker.Label, ChartText.Note.Size, bold: true) / 2;
        var labelX = Math.Clamp(at, half + Pad, Width - Pad - half);
        return El("g", Class("chart-marker"),
            Line(at, top - 4, at, bottom, ReportPalette.MutedText, 1.2, "3 3"),
            Text(labelX, top - 8, marker.Label, ChartText.Note.Middle() with { Bold = true }));
    }

    private XElement SeriesGroup(ChartSeries series, string color, TimeAxis x, LinearScale y)
    {
        var group = El("g", Class("chart-series"), A("data-series", series.Name));
        foreach (var segment in Segments(series.Values))
        {
            var points = segment.Select(i => (x.Map(Dates[i]), y.Map(series.Values[i]!.Value))).ToList();
            if (points.Count > 1)
                group.Add(El("polyline", A("points", Points(points)), A("fill", "none"), A("stroke", color),
                    A("stroke-width", series.Dashed ? 1.6 : 2.2), A("stroke-linejoin", "round"), A("stroke-linecap", "round"),
                    series.Dashed ? A("stroke-dasharray", "6 4") : null));
        }
        var isolated = Segments(series.Values).Where(s => s.Count == 1).Select(s => s[0]).ToHashSet();
        for (var i = 0; i < Dates.Count; i++)
        {
            if (series.Values[i] is not { } v || (Dates.Count > MaxPointMarkers && !isolated.Contains(i))) continue;
            group.Add(Circle(x.Map(Dates[i]), y.Map(v), isolated.Contains(i) ? 3.2 : 2.6, color, A("stroke", "#ffffff"), A("stroke-width", 0.8),
                Tooltip($"{series.Name} – {ViFormat.Month(Dates[i])}: {Style.Format(v)}")));
        }
        return group;
    }

    /// <summary>Runs of consecutive indexes that have a value; a null ends a run, so the line breaks there.</summary>
    private static List<List<int>> Segments(IReadOnlyList<double?> values)
    {
        var runs = new List<List<int>>();
        List<int>? run = null;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is null) { run = null; continue; }
            if (run is null) runs.Add(run = []);
            run.Add(i);
        }
        return runs;
    }

    private string Summary()
    {
        var parts = new List<string>
        {
            $"Biểu đồ đường từ {ViFormat.Month(Dates[0])} đến {ViFormat.Month(Dates[^1])}: " +
            string.Join("; ", Series.Select(s => $"{s.Name}, giá trị cuối {Style.Format(s.Values.LastOrDefault(v => v is not null))}")),
        };
        if (Target is { } t) parts.Add(Axes.TargetText(t, Style));
        if (Marker is { } m) parts.Add($"mốc {m.Label} ({ViFormat.Month(m.At)})");
        return string.Join(". ", parts) + ".";
    }
}
