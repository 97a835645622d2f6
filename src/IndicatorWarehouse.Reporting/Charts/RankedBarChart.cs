using IndicatorWarehouse.Reporting.Formatting;
using ScottPlot;

namespace IndicatorWarehouse.Reporting.Charts;

/// <summary>One unit in a ranking; <paramref name="Highlight"/> marks the unit the report is about.</summary>
public sealed record RankedBarItem(string Label, double? Value, bool Highlight = false);

/// <summary>Units ranked best first as horizontal bars, coloured by whether they meet the target; no-data units last.</summary>
public sealed record RankedBarChart : ISvgChart
{
    private const double RowHeight = 22;

    /// <summary>Unit names longer than this share of the width are cut with "…".</summary>
    private const double MaxLabelShare = 0.36;

    public required string Title { get; init; }
    public required IReadOnlyList<RankedBarItem> Items { get; init; }
    public NumberStyle Style { get; init; } = NumberStyle.Percent;
    public ChartTarget? Target { get; init; }

    /// <summary>False for measures where less is better (late dossiers): they rank ascending.</summary>
    public bool HigherIsBetter { get; init; } = true;

    public double? Max { get; init; }
    public double Width { get; init; } = 680;

    public string Kind => "ranked";

    public string ToSvg()
    {
        var ranked = Ranked();
        using var plot = ChartStyle.NewPlot();
        plot.Grid.YAxisStyle.IsVisible = false;
        double Row(int k) => ranked.Count - 1 - k; // the best at the top

        for (var k = 0; k < ranked.Count; k++)
            if (ranked[k].Item.Highlight)
                plot.Add.VerticalSpan(Row(k) - 0.5, Row(k) + 0.5, ChartStyle.Of(ReportPalette.Highlight)).LineWidth = 0;

        var bars = new List<Bar>();
        for (var k = 0; k < ranked.Count; k++)
        {
            if (ranked[k].Item.Value is { } v)
                bars.Add(new Bar
                {
                    Position = Row(k), Value = v, Size = 0.64, FillColor = ChartStyle.Of(BarColor(v)), LineWidth = 0,
                    Label = Style.Format(v), Orientation = Orientation.Horizontal,
                });
            else
                ChartStyle.Note(plot, ViFormat.MissingLabel, 0, Row(k), Alignment.MiddleLeft, ReportPalette.MutedText, italic: true).LabelOffsetX = 6;
        }
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        ChartStyle.ValueLabels(barPlot.ValueLabelStyle, ReportPalette.Text);

        var labels = ranked.Select(r => r.Rank is { } n ? $"{n}. {r.Item.Label}" : r.Item.Label).ToList();
        var labelWidth = Math.Min(ChartStyle.WidestText(labels, ChartStyle.LabelSize), Width * MaxLabelShare);
        ChartStyle.RowLabels(plot.Axes.Left, labels.Select((label, k) => (Row(k), label)), labelWidth);
        ChartStyle.ValueTicks(plot.Axes.Bottom, Style);
        var values = Items.Where(i => i.Value is not null).Select(i => i.Value!.Value).ToList();
        var range = ValueRange.For(Target is { } t ? values.Append(t.Value) : values, fromZero: true, Style.IsPercent, max: Max);
        // Room after the longest bar for its value: the share of the plot's width the widest value takes.
        var room = (ChartStyle.WidestText(values.Select(v => Style.Format(v)), ChartStyle.ValueSize, bold: true) + 12) / (Width - labelWidth - 30);
        var high = range.High + (range.High - range.Low) * room / (1 - room);
        plot.Axes.SetLimits(range.Low, high, -0.5, ranked.Count - 0.5);
        if (Target is { } target)
        {
            var line = plot.Add.VerticalLine(target.Value, 1.5f, ChartStyle.Of(ReportPalette.TargetLine));
            ChartStyle.LineLabel(plot, line, (target.Value - range.Low) / (high - range.Low), $"{target.Label} {Style.Format(target.Value)}", ReportPalette.TargetLine);
        }
        return ChartSvg.Render(plot, Width, ranked.Count * RowHeight + (Target is null ? 30 : 48));
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

    public string Summary
    {
        get
        {
            var ranked = Ranked();
            var text = $"Xếp hạng {ranked.Count(r => r.Rank is not null)} đơn vị: " +
                       string.Join("; ", ranked.Select(r => $"{(r.Rank is { } n ? n + ". " : "")}{r.Item.Label} {Style.Describe(r.Item.Value)}"));
            return Target is { } t ? $"{text}. {t.Label} {Style.Format(t.Value)}." : text + ".";
        }
    }
}
