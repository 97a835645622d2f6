using System.Globalization;
using ScottPlot;

namespace IndicatorWarehouse.Reporting.Charts;

/// <summary>A plot drawn as SVG for an HTML page.</summary>
internal static class ChartSvg
{
    /// <summary>
    /// The plot's SVG without its XML declaration (it sits inside HTML), with a viewBox so that the page can scale
    /// it to the width it has. ScottPlot numbers its clip paths across the process, so several charts on one page
    /// do not share ids.
    /// </summary>
    public static string Render(Plot plot, double width, double height)
    {
        int w = (int)Math.Round(width), h = (int)Math.Round(height);
        var svg = plot.GetSvgXml(w, h);
        var root = svg.IndexOf("<svg", StringComparison.Ordinal);
        return string.Create(CultureInfo.InvariantCulture, $"<svg class=\"iw-chart\" viewBox=\"0 0 {w} {h}\"") + svg[(root + "<svg".Length)..];
    }
}
