using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace IndicatorWarehouse.Tests.Reporting.Charts;

/// <summary>A piece of text ScottPlot drew, at the point it is anchored to (a tick label's point is its tick).</summary>
internal sealed record SvgText(string Content, double X, double Y, string Fill, bool Bold, bool Italic);

/// <summary>A filled rectangle (bar, cell, span).</summary>
internal sealed record SvgRect(string Fill, double X, double Y, double Width, double Height)
{
    public double Right => X + Width;
    public double MidY => Y + Height / 2;
}

/// <summary>
/// A chart's SVG as ScottPlot writes it, parsed back, with the queries the chart tests need: the texts, and the
/// shapes drawn inside the data area (the clip rectangle the plottables share), apart from the legend and axes.
/// </summary>
internal sealed partial class SvgTree
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public SvgTree(string svg)
    {
        Raw = svg;
        Root = XDocument.Parse(svg).Root!;
        var clips = Root.Descendants(Ns + "clipPath").ToDictionary(c => (string)c.Attribute("id")!, c => c.Element(Ns + "rect")!);
        // The data area is the clip rectangle most plottables are drawn in; the legend has one of its own.
        var dataArea = clips.GroupBy(c => Key(c.Value)).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        Plotted = Root.Descendants(Ns + "g")
            .Where(g => ((string?)g.Attribute("clip-path"))?[5..^1] is { } id && clips.TryGetValue(id, out var rect) && Key(rect) == dataArea)
            .SelectMany(g => g.Elements()).ToList();
    }

    public string Raw { get; }
    public XElement Root { get; }

    /// <summary>Elements inside the data area, in drawing order.</summary>
    public IReadOnlyList<XElement> Plotted { get; }

    public IEnumerable<SvgText> Texts => Root.Descendants(Ns + "text").Select(ToText);

    public IEnumerable<string> Labels => Texts.Select(t => t.Content);

    public SvgText Text(string content) => Texts.Single(t => t.Content == content);

    /// <summary>Rectangles drawn in the data area, optionally only those of one colour (#rrggbb, any case).</summary>
    public IEnumerable<SvgRect> Rects(string? fill = null) => Plotted.Where(e => e.Name == Ns + "rect")
        .Select(r => new SvgRect((string)r.Attribute("fill")!, Num(r, "x"), Num(r, "y"), Num(r, "width"), Num(r, "height")))
        .Where(r => fill is null || string.Equals(r.Fill, fill, StringComparison.OrdinalIgnoreCase));

    /// <summary>Lines of one colour drawn in the data area, each as its runs of points (a gap starts a new run).</summary>
    public IEnumerable<IReadOnlyList<IReadOnlyList<(double X, double Y)>>> Lines(string stroke) => Plotted
        .Where(e => e.Name == Ns + "path" && string.Equals((string?)e.Attribute("stroke"), stroke, StringComparison.OrdinalIgnoreCase))
        .Select(p => Runs((string)p.Attribute("d")!));

    /// <summary>Centres of the dots of one colour drawn in the data area.</summary>
    public IEnumerable<(double X, double Y)> Dots(string fill) => Plotted
        .Where(e => e.Name == Ns + "ellipse" && string.Equals((string?)e.Attribute("fill"), fill, StringComparison.OrdinalIgnoreCase))
        .Select(e => (Num(e, "cx"), Num(e, "cy")));

    /// <summary>Texts drawn in the data area (values on bars and cells, notes).</summary>
    public IEnumerable<SvgText> PlottedTexts => Plotted.Where(e => e.Name == Ns + "text").Select(ToText);

    public static double Num(XElement element, string attribute) =>
        double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);

    private static string Key(XElement rect) => string.Join(',', new[] { "x", "y", "width", "height" }.Select(a => (string?)rect.Attribute(a)));

    private static SvgText ToText(XElement text)
    {
        var at = Translate().Match((string?)text.Attribute("transform") ?? "");
        double X(int group) => at.Success ? double.Parse(at.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        return new SvgText(text.Value.Trim(), X(1), X(2), (string?)text.Attribute("fill") ?? "",
            text.Attribute("font-weight") is not null, (string?)text.Attribute("font-style") == "italic");
    }

    private static List<IReadOnlyList<(double X, double Y)>> Runs(string d)
    {
        var runs = new List<IReadOnlyList<(double X, double Y)>>();
        List<(double X, double Y)>? run = null;
        foreach (Match command in PathCommand().Matches(d))
        {
            if (command.Groups[1].Value == "M") runs.Add(run = []);
            run!.Add((double.Parse(command.Groups[2].Value, CultureInfo.InvariantCulture), double.Parse(command.Groups[3].Value, CultureInfo.InvariantCulture)));
        }
        return runs;
    }

    [GeneratedRegex(@"translate\(([-\d.e]+)[ ,]+([-\d.e]+)\)")]
    private static partial Regex Translate();

    [GeneratedRegex(@"([ML])\s*([-\d.e]+)[ ,]+([-\d.e]+)")]
    private static partial Regex PathCommand();
}
