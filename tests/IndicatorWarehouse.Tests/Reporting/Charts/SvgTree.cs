using System.Globalization;
using System.Xml.Linq;

namespace IndicatorWarehouse.Tests.Reporting.Charts;

/// <summary>A chart's SVG parsed back, with the queries the chart tests need.</summary>
internal sealed class SvgTree(string svg)
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public string Raw { get; } = svg;
    public XElement Root { get; } = XDocument.Parse(svg).Root!;

    public IEnumerable<XElement> All(string name) => Root.Descendants(Ns + name);

    public IEnumerable<XElement> WithClass(string name) =>
        Root.Descendants().Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(name) == true);

    /// <summary>The text drawn by each &lt;text&gt; element (without any tooltip inside it).</summary>
    public IEnumerable<string> Labels => All("text").Select(Shown);

    public XElement Text(string shown) => All("text").Single(t => Shown(t) == shown);

    public static string Shown(XElement text) => string.Concat(text.Nodes().OfType<XText>().Select(t => t.Value));

    public static double Num(XElement element, string attribute) =>
        double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);

    public static IReadOnlyList<(double X, double Y)> Points(XElement polyline) =>
        ((string)polyline.Attribute("points")!).Split(' ')
            .Select(p => p.Split(','))
            .Select(p => (double.Parse(p[0], CultureInfo.InvariantCulture), double.Parse(p[1], CultureInfo.InvariantCulture)))
            .ToList();

    /// <summary>The y of the horizontal grid line labelled <paramref name="tick"/> (the label sits beside its line).</summary>
    public double GridY(string tick)
    {
        var labelY = Num(Text(tick), "y");
        return WithClass("chart-grid").Select(l => Num(l, "y1")).MinBy(y => Math.Abs(y - labelY));
    }

    /// <summary>The x of the vertical grid line labelled <paramref name="tick"/>.</summary>
    public double GridX(string tick)
    {
        var labelX = Num(Text(tick), "x");
        return WithClass("chart-grid").Select(l => Num(l, "x1")).MinBy(x => Math.Abs(x - labelX));
    }
}
