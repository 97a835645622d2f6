using IndicatorWarehouse.Reporting.Html;

namespace IndicatorWarehouse.Server.Pages;

/// <summary>The pages' stylesheet, inlined in every page so that a page is one request: the reports' styles
/// (palette, tiles, status badges, charts) and then site.css for navigation, forms and the panel grid.</summary>
public static class SiteStyles
{
    private static readonly Lazy<string> Css = new(() =>
    {
        using var stream = typeof(SiteStyles).Assembly.GetManifestResourceStream("site.css")
            ?? throw new InvalidOperationException("site.css is not embedded in the Server assembly.");
        using var reader = new StreamReader(stream);
        return ReportStyles.Text + "\n" + reader.ReadToEnd();
    });

    public static string Text => Css.Value;
}
