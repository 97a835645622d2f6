using System.Globalization;

namespace IndicatorWarehouse.Reporting.Html;

/// <summary>Numbers written into inline styles: CSS wants a decimal point whatever the culture reports are written in.</summary>
public static class CssValue
{
    /// <summary>"55.25%" for a width; clamped to 0–100 so a bar never spills out of its track.</summary>
    public static string Percent(double percent) =>
        Math.Clamp(percent, 0, 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
