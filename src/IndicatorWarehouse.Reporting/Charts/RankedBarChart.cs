using System.Xml.Linq;
using IndicatorWarehouse.Reporting.Formatting;
using static IndicatorWarehouse.Reporting.Charts.Svg;

namespace IndicatorWarehouse.Reporting.Charts;

/// <summary>One unit in a ranking; <paramref name="Highlight"/> marks the unit the report is about.</summary>
public sealed record RankedBarItem(string Label, double? Value, bool Highlight = false);

/// <summary>Units ranked best first as horizontal bars, coloured by whether they meet the target; no-data units last.</summary>
public sealed record RankedBarChart : ISvgChart
{
    private const double Pad = 8;
    private const double RowHeight = 22;
    private const double BarHeight = 14;

    public required string Title { get; init; }
    public string? Description { get; init; }
    public required IReadOnlyList<RankedBarItem> Items { get; init; }
    public NumberStyle Style { get; init; } = NumberStyle.Percent;
    public ChartTarget? Target { get; init; }

    /// <summary>False for measures where less is better (late dossiers): they rank ascending.</summary>
    public bool HigherIsBetter { get; init; } = true;

    public double? Max { get; init; }
    public double Width { get; init; } = 680;

    public string ToSvg()
    {
        var ranked = Ranked();
        var defs = new ChartDefs("ranked", Title);
        var rankWidth = TextMeasure.Width($"{Items.Count}.", ChartText.Label.Size) + 6;
        var labelWidth = Axes.LabelColumn(Items.Select(i => i.Label), Width);
        var valueWidth = Items.Select(i => TextMeasure.Width(Style.Format(i.Value), ChartText.Value.Size, bold: true)).DefaultIfEmpty(0).Max() + 10;

        var top = Pad + (Target is null ? 4 : 18);
        var left = Pad + rankWidth + labelWidth + 8;
        var right = Width - Pad - valueWidth;
        var bottom = top + Items.Count * RowHeight;
        var values = Items.Where(i => i.Value is not null).Select(i => i.Value!.Value);
        if (Target is { } t) values = values.Append(t.Value);
        var x = LinearScale.For(values, new ScaleRequest(FromZero: true, Style.IsPercent, Max: Max), left, right);

        return ChartDocument.Render("ranked", Width, bottom + 22, Title, Description ?? Summary(ranked),
            Axes.VerticalGrid(x, top - 2, bottom, Style.Tick),
            ranked.Select((row, i) => Row(row, top + i * RowHeight, rankWidth, labelWidth, x)),
            Line(x.Map(Math.Max(0, x.Min)), top - 2, x.Map(Math.Max(0, x.Min)), bottom, ReportPalette.Axis, 1),
            TargetLine(x, top, bottom));
    }

    private IEnumerable<object?> Row((RankedBarItem Item, int? Rank) row, double rowTop, double rankWidth, double labelWidth, LinearScale x)
    {
        var (item, rank) = row;
        var mid = rowTop + RowHeight / 2;
        var label = ChartText.Label with { Bold = item.Highlight };
        if (item.Highlight) yield return Rect(Pad, rowTop + 1, Width - 2 * Pad, RowHeight - 2, "#fff6dc", A("rx", 2));
        yield return Text(Pad + rankWidth - 6, mid + 4, rank is { } r ? $"{r}." : "", ChartText.Tick.End());
        yield return Axes.RowLabel(item.Label, Pad + rankWidth, mid + 4, labelWidth, label);
        if (item.Value is not { } v)
        {
            yield return Text(x.Map(Math.Max(0, x.Min)) + 6, mid + 4, ViFormat.MissingLabel, ChartText.Missing, Class("chart-no-data"));
            yield break;
        }
        var zero = x.Map(Math.Max(0, x.Min));
        var end = x.Map(Math.Clamp(v, x.Min, x.Max));
        yield return Rect(Math.Min(zero, end), mid - BarHeight / 2, Math.Abs(end - zero), BarHeight, BarColor(v), A("rx", 1.5), Class("chart-bar"),
            Tooltip($"{item.Label}: {Style.Format(v)}"));
        yield return Text(Math.Max(zero, end) + 5, mid + 4, Style.Format(v), ChartText.Value);
    }

    private XElement? TargetLine(LinearScale x, double top, double bottom)
    {
        if (Target is not { } target) return null;
        var at = x.Map(target.Value);
        var text = Axes.TargetText(target, Style);
        var half = TextMeasure.Width(text, ChartText.Note.Size) / 2;
        return El("g",
            Line(at, top - 4, at, bottom, ReportPalette.TargetLine, 1.5, "5 3", Class("chart-target")),
            Axes.OnPatch(Math.Clamp(at, Pad + half, Width - Pad - half), top - 7, text, ChartText.Note.Middle() with { Color = ReportPalette.TargetLine }));
    }

    private string BarColor(double value) => Target is not { } t ? ReportPalette.Accent
        : (HigherIsBetter ? value >= t.Value : value <= t.Value) ? ReportPalette.Met : ReportPalette.NotMet;

    /// <summary>Best first, equal values sharing a rank (1, 2, 2, 4); units without data last and unranked.</summary>
    private List<(RankedBarItem Item, int? Rank)> Ranked()
    {
        var withValue = Items.Where(i => i.Value is not null);
        var ordered = (HigherIsBetter ? withValue.OrderByDescending(i => i.Value) : withValue.OrderBy(i => i.Value))
            .ThenBy(i => i.Label, StringComparer.Ordinal).ToList();
        var result = new List<(RankedBarItem, int?)>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = i > 0 && ordered[i].Value == ordered[i - 1].Value ? result[i - 1].Item2 : i + 1;
            result.Add((ordered[i], rank));
        }
        result.AddRange(Items.Where(i => i.Value is null).Select(i => (i, (int?)null)));
        return result;
    }

    private string Summary(List<(RankedBarItem Item, int? Rank)> ranked)
    {
        var text = $"Xếp hạng {ranked.Count(r => r.Rank is not null)} đơn vị: " +
                   string.Join("; ", ranked.Select(r => $"{(r.Rank is { } n ? n + ". " : "")}{r.Item.Label} {Style.Describe(r.Item.Value)}"));
        return Target is { } t ? $"{text}. {Axes.TargetText(t, Style)}." : text + ".";
    }
}
