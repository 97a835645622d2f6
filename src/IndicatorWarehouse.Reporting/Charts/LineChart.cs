using IndicatorWarehouse.Reporting.Formatting;
using ScottPlot;

namespace IndicatorWarehouse.Reporting.Charts;

/// <summary>Values over time: several series, an optional target line, target band and dated marker.</summary>
public sealed record LineChart : ISvgChart
{
    private const int MaxPointMarkers = 40;

    public required string Title { get; init; }

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

    public string Kind => "line";

    public string ToSvg()
    {
        Validate();
        using var plot = ChartStyle.NewPlot();
        var range = ValueRange.For(ScaledValues(), fromZero: false, Style.IsPercent, Min, Max);
        if (TargetBand is { } band) AddBand(plot, band);
        for (var i = 0; i < Series.Count; i++) AddSeries(plot, Series[i], Series[i].Color ?? ReportPalette.SeriesColor(i));
        if (Target is { } target) AddTarget(plot, target);
        if (Marker is { } marker && marker.At >= Dates[0] && marker.At <= Dates[^1]) AddMarker(plot, marker);
        if (Series.Any(s => s.Values.Any(v => v is null)))
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = "Đoạn trống: " + ViFormat.MissingLabel, LineColor = ChartStyle.Of(ReportPalette.NoData), LineWidth = 2,
            });

        ChartStyle.ValueTicks(plot.Axes.Left, Style);
        ChartStyle.LabelTicks(plot.Axes.Bottom, TimeTicks.For(Dates, Width - 60, Yearly));
        // Half a point's width beyond the first and last dates, so that their dots are whole.
        var margin = Math.Max(TimeTicks.X(Dates[^1]) - TimeTicks.X(Dates[0]), 30) * 0.02;
        plot.Axes.SetLimits(TimeTicks.X(Dates[0]) - margin, TimeTicks.X(Dates[^1]) + margin, range.Low, range.High);
        ChartStyle.Legend(plot);
        return ChartSvg.Render(plot, Width, Height);
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

    private void AddSeries(Plot plot, ChartSeries series, string color)
    {
        var xs = Dates.Select(TimeTicks.X).ToArray();
        var ys = SeriesPoints.WithGaps(series.Values);
        var line = plot.Add.Scatter(xs, ys, ChartStyle.Of(color));
        line.LegendText = series.Name;
        line.LineWidth = series.Reference ? 1.4f : 2.2f;
        line.MarkerShape = series.Reference ? MarkerShape.HorizontalBar : MarkerShape.FilledCircle;
        line.MarkerSize = series.Reference ? 10 : Dates.Count <= MaxPointMarkers ? 5 : 0;
        if (line.MarkerSize > 0) return;

        // Without dots a value alone between two gaps would not show at all: it keeps its dot.
        var lone = SeriesPoints.Lone(ys);
        if (lone.Length > 0) plot.Add.Markers(lone.Select(i => xs[i]).ToArray(), lone.Select(i => ys[i]).ToArray(), MarkerShape.FilledCircle, 6, ChartStyle.Of(color));
    }

    private void AddBand(Plot plot, ChartBand band)
    {
        var span = plot.Add.VerticalSpan(band.Low, band.High, ChartStyle.Of(ReportPalette.Band).WithAlpha(0.35));
        span.LineWidth = 0;
        span.LegendText = $"{band.Label} {ViFormat.Compact(band.Low)}–{Style.Tick(band.High)}";
    }

    /// <summary>The target as a solid dark line (ScottPlot's SVG cannot dash) named at its right end: "Mục tiêu 98,0 %".</summary>
    private void AddTarget(Plot plot, ChartTarget target)
    {
        var line = plot.Add.HorizontalLine(target.Value, 1.5f, ChartStyle.Of(ReportPalette.TargetLine));
        line.ExcludeFromLegend = true;
        var label = ChartStyle.Note(plot, TargetText(target), TimeTicks.X(Dates[^1]), target.Value, Alignment.LowerRight, ReportPalette.TargetLine);
        label.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
        label.LabelOffsetY = -2;
    }

    private void AddMarker(Plot plot, ChartMarker marker)
    {
        var line = plot.Add.VerticalLine(TimeTicks.X(marker.At), 1.2f, ChartStyle.Of(ReportPalette.MutedText));
        var along = Dates.Count > 1 ? (TimeTicks.X(marker.At) - TimeTicks.X(Dates[0])) / (TimeTicks.X(Dates[^1]) - TimeTicks.X(Dates[0])) : 0.5;
        ChartStyle.LineLabel(plot, line, along, marker.Label, ReportPalette.MutedText, bold: true);
    }

    private string TargetText(ChartTarget target) => $"{target.Label} {Style.Format(target.Value)}";

    public string Summary
    {
        get
        {
            var parts = new List<string>
            {
                $"Biểu đồ đường từ {ViFormat.Month(Dates[0])} đến {ViFormat.Month(Dates[^1])}: " +
                string.Join("; ", Series.Select(s => $"{s.Name}, giá trị cuối {Style.Format(s.Values.LastOrDefault(v => v is not null))}")),
            };
            if (Series.Sum(s => s.Values.Count(v => v is null)) is > 0 and var gaps) parts.Add($"{gaps} điểm {ViFormat.MissingLabel}");
            if (Target is { } t) parts.Add(TargetText(t));
            if (Marker is { } m) parts.Add($"mốc {m.Label} ({ViFormat.Month(m.At)})");
            return string.Join(". ", parts) + ".";
        }
    }
}
