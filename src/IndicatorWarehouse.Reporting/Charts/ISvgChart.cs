namespace IndicatorWarehouse.Reporting.Charts;

/// <summary>A chart that draws itself as SVG to put inline in a page.</summary>
public interface ISvgChart
{
    /// <summary>What the chart shows; its accessible name.</summary>
    string Title { get; }

    /// <summary>What kind of chart it is ("line", "ranked", …), for styles and tests.</summary>
    string Kind { get; }

    /// <summary>What the chart says in words, for screen readers.</summary>
    string Summary { get; }

    string ToSvg();
}
