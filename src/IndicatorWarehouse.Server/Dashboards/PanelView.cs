using IndicatorWarehouse.Reporting.Charts;
using IndicatorWarehouse.Reporting.Formatting;
using IndicatorWarehouse.Warehouse.Queries;

namespace IndicatorWarehouse.Server.Dashboards;

/// <summary>A panel ready to show: a chart (drawn inline as SVG), KPI tiles or a table, or the reason it could not be drawn.</summary>
public sealed record PanelView(PanelSpec Spec, ISvgChart? Chart = null, IReadOnlyList<TileView>? Tiles = null, QueryResult? Table = null,
    string? Error = null)
{
    public bool IsEmpty => Chart is null && Tiles is null && Table is null && Error is null;
}

/// <summary>One KPI tile: label, value, how it is written, and its status against the target when there is one.</summary>
public sealed record TileView(string Label, double? Value, NumberStyle Style, ReportStatus? Status, string? Note);
