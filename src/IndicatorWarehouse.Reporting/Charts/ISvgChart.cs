namespace IndicatorWarehouse.Reporting.Charts;

/// <summary>A chart that draws itself as a standalone, accessible SVG string.</summary>
public interface ISvgChart
{
    /// <summary>What the chart shows; its accessible name.</summary>
    string Title { get; }

    string ToSvg();
}
