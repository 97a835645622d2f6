using IndicatorWarehouse.Reporting.Formatting;
using static IndicatorWarehouse.Reporting.Charts.Svg;

namespace IndicatorWarehouse.Reporting.Charts;

/// <summary>A word-sized trend line for tiles and table cells; gaps where a value is missing, a dot on the latest value.</summary>
public sealed record Sparkline : ISvgChart
{
    private const double Pad = 3;

    public required string Title { get; init; }
    public string? Description { get; init; }
    public required IReadOnlyList<double?> Values { get; init; }
    public NumberStyle Style { get; init; } = NumberStyle.Percent;
    public double? Target { get; init; }
    public string Color { get; init; } = ReportPalette.Accent;
    public double Width { get; init; } = 120;
    public double Height { get; init; } = 28;

    public string ToSvg()
    {
        var present = Values.Where(v => v is not null).Select(v => v!.Value).ToList();
        if (Target is { } goal) present.Add(goal);
        double lo = present.DefaultIfEmpty(0).Min(), hi = present.DefaultIfEmpty(1).Max();
        if (hi - lo < 1e-9) { lo -= 1; hi += 1; }
        var y = new LinearScale(lo, hi, hi - lo, Height - Pad, Pad);
        double X(int i) => Values.Count == 1 ? Width / 2 : Pad + i * (Width - 2 * Pad) / (Values.Count - 1);

        var shapes = new List<object>();
        if (Target is { } t) shapes.Add(Line(Pad, y.Map(t), Width - Pad, y.Map(t), ReportPalette.AtRisk, 1, "3 2", Class("chart-target")));
        var run = new List<(double, double)>();
        void Flush()
        {
            if (run.Count > 1)
                shapes.Add(El("polyline", A("points", Points(run)), A("fill", "none"), A("stroke", Color), A("stroke-width", 1.6), A("stroke-linejoin", "round")));
            else if (run.Count == 1)
                shapes.Add(Circle(run[0].Item1, run[0].Item2, 1.6, Color));
            run.Clear();
        }
        for (var i = 0; i < Values.Count; i++)
        {
            if (Values[i] is { } v) run.Add((X(i), y.Map(v)));
            else Flush();
        }
        Flush();
        var last = Values.Select((v, i) => (v, i)).LastOrDefault(p => p.v is not null);
        if (last.v is { } latest) shapes.Add(Circle(X(last.i), y.Map(latest), 2.4, Color, Class("chart-latest")));

        return ChartDocument.Render("sparkline", Width, Height, Title, Description ?? Summary(), shapes);
    }

    private string Summary()
    {
        var present = Values.Where(v => v is not null).ToList();
        return present.Count == 0
            ? ViFormat.MissingLabel
            : $"Từ {Style.Format(present[0])} đến {Style.Format(present[^1])} qua {Values.Count} kỳ" +
              (present.Count < Values.Count ? $", {Values.Count - present.Count} kỳ {ViFormat.MissingLabel}." : ".");
    }
}
