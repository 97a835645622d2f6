using IndicatorWarehouse.Reporting.Charts;
using IndicatorWarehouse.Reporting.Formatting;
using IndicatorWarehouse.Reporting.Templates.Shared;
using IndicatorWarehouse.Warehouse.Queries;

namespace IndicatorWarehouse.Server.Dashboards;

/// <summary>A panel ready to show: a chart (drawn inline as SVG), KPI tiles, a table or 766 levers, or the reason it could not be drawn.</summary>
/// <param name="Provisional">for levers, "tạm tính đến 20/11/2026" when their month is still open</param>
public sealed record PanelView(PanelSpec Spec, ISvgChart? Chart = null, IReadOnlyList<TileView>? Tiles = null, QueryResult? Table = null,
    string? Error = null, IReadOnlyList<LeverLine>? Levers = null, string? Provisional = null)
{
    public bool IsEmpty => Chart is null && Tiles is null && Table is null && Error is null && Levers is null;
}

/// <summary>One KPI tile: label, value, how it is written, and its status against the target when there is one.</summary>
public sealed record TileView(string Label, double? Value, NumberStyle Style, ReportStatus? Status, string? Note);
