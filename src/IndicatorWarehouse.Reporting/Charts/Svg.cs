using System.Globalization;
using System.Xml.Linq;

namespace IndicatorWarehouse.Reporting.Charts;

/// <summary>Builds SVG elements. Everything goes through LINQ to XML, so every label is escaped by construction.</summary>
internal static class Svg
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public static XElement El(string name, params object?[] content) => new(Ns + name, content);

    /// <summary>A coordinate in invariant culture, two decimals at most (the SVG grammar wants a decimal point).</summary>
    public static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public static XAttribute A(string name, double value) => new(name, N(value));

    public static XAttribute A(string name, string value) => new(name, value);

    public static XAttribute Class(string name) => new("class", name);

    public static XElement Rect(double x, double y, double width, double height, string fill, params object?[] extra) =>
        El("rect", A("x", x), A("y", y), A("width", Math.Max(0, width)), A("height", Math.Max(0, height)), A("fill", fill), extra);

    public static XElement Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null, params object?[] extra) =>
        El("line", A("x1", x1), A("y1", y1), A("x2", x2), A("y2", y2), A("stroke", stroke), A("stroke-width", width),
            dash is null ? null : A("stroke-dasharray", dash), extra);

    public static XElement Text(double x, double y, string text, TextStyle style, params object?[] extra) =>
        El("text", A("x", x), A("y", y), A("font-size", style.Size), A("fill", style.Color),
            style.Anchor == "start" ? null : A("text-anchor", style.Anchor),
            style.Bold ? A("font-weight", "bold") : null,
            style.Italic ? A("font-style", "italic") : null,
            extra, text);

    public static XElement Circle(double cx, double cy, double r, string fill, params object?[] extra) =>
        El("circle", A("cx", cx), A("cy", cy), A("r", r), A("fill", fill), extra);

    /// <summary>A tooltip in the browser and the accessible name of the element it is in.</summary>
    public static XElement Tooltip(string text) => El("title", text);

    public static string Points(IEnumerable<(double X, double Y)> points) =>
        string.Join(' ', points.Select(p => N(p.X) + "," + N(p.Y)));
}

/// <summary>Size, colour, alignment and weight of one kind of chart text.</summary>
internal sealed record TextStyle(double Size, string Color, string Anchor = "start", bool Bold = false, bool Italic = false)
{
    public TextStyle Start() => this with { Anchor = "start" };
    public TextStyle Middle() => this with { Anchor = "middle" };
    public TextStyle End() => this with { Anchor = "end" };
}
