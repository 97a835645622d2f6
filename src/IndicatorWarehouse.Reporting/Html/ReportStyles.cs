using IndicatorWarehouse.Reporting.Formatting;

namespace IndicatorWarehouse.Reporting.Html;

/// <summary>The stylesheet every report embeds: the palette as CSS variables, then report.css.</summary>
public static class ReportStyles
{
    private static readonly Lazy<string> Css = new(() =>
    {
        using var stream = typeof(ReportStyles).Assembly.GetManifestResourceStream("report.css")
            ?? throw new InvalidOperationException("report.css is not embedded in the Reporting assembly.");
        using var reader = new StreamReader(stream);
        return ReportPalette.CssVariables() + "\n" + reader.ReadToEnd();
    });

    public static string Text => Css.Value;
}
