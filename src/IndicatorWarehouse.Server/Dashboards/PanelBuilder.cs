using System.Globalization;
using IndicatorWarehouse.Reporting.Charts;
using IndicatorWarehouse.Reporting.Formatting;
using IndicatorWarehouse.Warehouse.Queries;

namespace IndicatorWarehouse.Server.Dashboards;

/// <summary>Turns a panel's query result into what the page shows, reading the columns each panel type expects by
/// name (dashboards/README.md). A missing column is a message in the panel, not an error page.</summary>
public static class PanelBuilder
{
    public static PanelView Build(PanelSpec spec, QueryResult result)
    {
        if (result.Rows.Count == 0) return new PanelView(spec, Error: "Không có dữ liệu cho bộ lọc này.");
        try
        {
            var rows = new Columns(result);
            var style = Style(spec.Format);
            return spec.Type switch
            {
                "kpi" => new PanelView(spec, Tiles: Tiles(rows, style)),
                "line" => new PanelView(spec, Chart: Line(spec, rows, style)),
                "bar" => new PanelView(spec, Chart: Bar(spec, rows, style)),
                "heatmap" => new PanelView(spec, Chart: HeatMap(spec, rows, style)),
                "stacked" => new PanelView(spec, Chart: Stacked(spec, rows)),
                "bullet" => new PanelView(spec, Chart: Bullet(spec, rows, style)),
                _ => new PanelView(spec, Table: result),
            };
        }
        catch (MissingColumnException e)
        {
            return new PanelView(spec, Error: e.Message);
        }
    }

    public static NumberStyle Style(string format) => format switch
    {
        "count" => NumberStyle.Count,
        "points" => NumberStyle.Points,
        "decimal" => NumberStyle.Decimal,
        _ => NumberStyle.Percent,
    };

    private static List<TileView> Tiles(Columns rows, NumberStyle style) => rows.Rows.Select(r =>
    {
        var tileStyle = rows.Has("unit") ? UnitStyle(rows.OptionalText(r, "unit"), style) : style;
        return new TileView(rows.Text(r, "label"), rows.Number(r, "value"), tileStyle,
            rows.Has("status") ? Status(rows.OptionalText(r, "status")) : null,
            rows.Has("note") ? rows.OptionalText(r, "note") : TargetNote(rows, r, tileStyle));
    }).ToList();

    /// <summary>"Mục tiêu ≥ 95,0 %" from a tile's optional <c>target</c> and <c>comparator</c> columns, written in the
    /// tile's own style here rather than glued in SQL (no string concatenation is portable to every database).</summary>
    private static string? TargetNote(Columns rows, object?[] row, NumberStyle style) =>
        rows.Has("target") && rows.Number(row, "target") is { } target
            ? string.Join(" ", new[] { "Mục tiêu", rows.Has("comparator") ? Comparator(rows.OptionalText(row, "comparator")) : null, style.Format(target) }
                .Where(part => !string.IsNullOrEmpty(part)))
            : null;

    private static LineChart Line(PanelSpec spec, Columns rows, NumberStyle style)
    {
        var dates = rows.Rows.Select(r => Date(rows.Text(r, "period"))).Distinct().Order().ToList();
        var names = rows.Has("series") ? rows.Rows.Select(r => rows.Text(r, "series")).Distinct().ToList() : [spec.Title];
        var series = names.Select(name =>
        {
            var values = dates.ToDictionary(d => d, _ => (double?)null);
            foreach (var r in rows.Rows.Where(r => !rows.Has("series") || rows.Text(r, "series") == name))
                values[Date(rows.Text(r, "period"))] = rows.Number(r, "value");
            return new ChartSeries(name, dates.Select(d => values[d]).ToList());
        }).ToList();
        return new LineChart
        {
            Title = spec.Title, Dates = dates, Series = series, Style = style,
            Target = spec.Target is { } t ? new ChartTarget(t, spec.TargetLabel) : null,
        };
    }

    private static RankedBarChart Bar(PanelSpec spec, Columns rows, NumberStyle style) => new()
    {
        Title = spec.Title, Style = style, HigherIsBetter = !spec.LowerIsBetter,
        Items = rows.Rows.Select(r => new RankedBarItem(rows.Text(r, "label"), rows.Number(r, "value"),
            rows.Has("highlight") && rows.Number(r, "highlight") is > 0)).ToList(),
        Target = spec.Target is { } t ? new ChartTarget(t, spec.TargetLabel) : null,
    };

    private static HeatMapChart HeatMap(PanelSpec spec, Columns rows, NumberStyle style)
    {
        var rowLabels = rows.Rows.Select(r => rows.Text(r, "row")).Distinct().ToList();
        var columnLabels = rows.Rows.Select(r => rows.Text(r, "column")).Distinct().Order(StringComparer.Ordinal).ToList();
        var cells = rows.Rows.GroupBy(r => (rows.Text(r, "row"), rows.Text(r, "column"))).ToDictionary(g => g.Key, g => rows.Number(g.First(), "value"));
        return new HeatMapChart
        {
            Title = spec.Title, Style = style, HigherIsBetter = !spec.LowerIsBetter, RowLabels = rowLabels, ColumnLabels = columnLabels,
            Values = rowLabels.Select(r => (IReadOnlyList<double?>)columnLabels.Select(c => cells.GetValueOrDefault((r, c))).ToList()).ToList(),
        };
    }

    private static StackedBarChart Stacked(PanelSpec spec, Columns rows)
    {
        var parts = rows.Names.Where(n => !n.Equals("label", StringComparison.OrdinalIgnoreCase)).ToList();
        return new StackedBarChart
        {
            Title = spec.Title,
            // Columns named like the timeliness parts (Trước hạn, Đúng hạn, Trễ hạn) keep the colours reports give them.
            Segments = parts.Select((p, i) => new StackedSegment(p,
                StackedBarChart.Timeliness.FirstOrDefault(t => t.Name == p)?.Color ?? ReportPalette.SeriesColor(i))).ToList(),
            Rows = rows.Rows.Select(r => new StackedBarRow(rows.Text(r, "label"), parts.Select(p => rows.Number(r, p)).ToList())).ToList(),
        };
    }

    private static BulletChart Bullet(PanelSpec spec, Columns rows, NumberStyle style) => new()
    {
        Title = spec.Title, Style = style, HigherIsBetter = !spec.LowerIsBetter, Max = style.IsPercent ? 100 : null,
        Rows = rows.Rows.Select(r => new BulletRow(rows.Text(r, "label"), rows.Number(r, "value"), rows.Has("target") ? rows.Number(r, "target") : null)).ToList(),
    };

    /// <summary>The indicator catalog's units (mart column <c>unit</c>) as number styles.</summary>
    private static NumberStyle UnitStyle(string? unit, NumberStyle fallback) => unit switch
    {
        "percent" => NumberStyle.Percent,
        "count" => NumberStyle.Count,
        "points" => NumberStyle.Points,
        _ => fallback,
    };

    private static string? Comparator(string? code) => code switch { ">=" => "≥", "<=" => "≤", _ => code };

    /// <summary>fact_indicator_status codes as report statuses.</summary>
    private static ReportStatus? Status(string? code) => code switch
    {
        null => null,
        "dat" => ReportStatus.Met,
        "chua_dat" => ReportStatus.NotMet,
        "nguy_co" => ReportStatus.AtRisk,
        "chua_du_du_lieu" => ReportStatus.Partial,
        _ => ReportStatus.NoData,
    };

    /// <summary>A period code as the first day it covers: 2026-10, 2026, or a date.</summary>
    private static DateOnly Date(string period) =>
        DateOnly.TryParseExact(period, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month
        : DateOnly.TryParseExact(period, "yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var year) ? year
        : DateOnly.TryParse(period[..Math.Min(10, period.Length)], CultureInfo.InvariantCulture, out var day) ? day
        : throw new MissingColumnException($"Cột 'period' có giá trị '{period}' không phải tháng (YYYY-MM), năm (YYYY) hay ngày.");

    /// <summary>Columns of a result looked up by name, case-insensitively.</summary>
    private sealed class Columns(QueryResult result)
    {
        private readonly Dictionary<string, int> _index = result.Columns.Select((c, i) => (c, i))
            .GroupBy(x => x.c, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().i, StringComparer.OrdinalIgnoreCase);

        public IReadOnlyList<object?[]> Rows => result.Rows;
        public IReadOnlyList<string> Names => result.Columns;
        public bool Has(string name) => _index.ContainsKey(name);

        public string Text(object?[] row, string name) => OptionalText(row, name) ?? "";

        public string? OptionalText(object?[] row, string name) => row[Index(name)] switch
        {
            null => null,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var v => v.ToString(),
        };

        public double? Number(object?[] row, string name) => row[Index(name)] switch
        {
            null => null,
            string s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
            var v => Convert.ToDouble(v, CultureInfo.InvariantCulture),
        };

        private int Index(string name) => _index.TryGetValue(name, out var i)
            ? i : throw new MissingColumnException($"Truy vấn của bảng này cần cột '{name}' (có: {string.Join(", ", result.Columns)}).");
    }

    private sealed class MissingColumnException(string message) : Exception(message);
}
