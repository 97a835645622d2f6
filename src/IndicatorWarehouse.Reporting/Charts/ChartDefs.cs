using System.Text;
using System.Xml.Linq;
using IndicatorWarehouse.Reporting.Formatting;
using static IndicatorWarehouse.Reporting.Charts.Svg;

namespace IndicatorWarehouse.Reporting.Charts;

/// <summary>Ids and reusable definitions (the "no data" hatch) of one chart.</summary>
internal sealed class ChartDefs
{
    private readonly string prefix;

    /// <summary>Ids derive from the chart's content so that output is reproducible and charts on one page do not clash.</summary>
    public ChartDefs(string kind, string title)
    {
        uint hash = 2166136261;
        foreach (var b in Encoding.UTF8.GetBytes(kind + "\n" + title)) hash = (hash ^ b) * 16777619;
        prefix = $"iw-{kind}-{hash:x8}";
    }

    public string HatchId => prefix + "-na";

    public string HatchFill => $"url(#{HatchId})";

    public string Id(string name) => prefix + "-" + name;

    /// <summary>Grey diagonal stripes: how a missing value is drawn, so it cannot be mistaken for zero.</summary>
    public XElement Hatch() =>
        El("pattern", A("id", HatchId), A("width", 6), A("height", 6), A("patternUnits", "userSpaceOnUse"),
            A("patternTransform", "rotate(45)"),
            Rect(0, 0, 6, 6, "#f4f5f6"),
            Line(0, 0, 0, 6, ReportPalette.NoData, 1.6));
}
