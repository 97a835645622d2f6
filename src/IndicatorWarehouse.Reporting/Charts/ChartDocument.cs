using System.Xml.Linq;
using IndicatorWarehouse.Reporting.Formatting;
using static IndicatorWarehouse.Reporting.Charts.Svg;

namespace IndicatorWarehouse.Reporting.Charts;

/// <summary>The root &lt;svg&gt; every chart shares: size, font, and the accessible title and description.</summary>
internal static class ChartDocument
{
    public static string Render(string kind, double width, double height, string title, string description, params object?[] content)
    {
        var root = El("svg",
            new XAttribute("xmlns", Ns.NamespaceName),
            A("class", "iw-chart"),
            A("data-chart", kind),
            A("viewBox", $"0 0 {N(width)} {N(height)}"),
            A("width", width),
            A("height", height),
            A("role", "img"),
            A("font-family", ReportPalette.FontFamily),
            El("title", title),
            El("desc", description),
            content);
        return root.ToString(SaveOptions.DisableFormatting);
    }
}
