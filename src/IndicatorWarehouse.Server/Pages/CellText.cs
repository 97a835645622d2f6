using System.Globalization;
using IndicatorWarehouse.Reporting.Formatting;

namespace IndicatorWarehouse.Server.Pages;

/// <summary>A query value as a table cell shows it: Vietnamese number style, "—" for NULL. Keys, ids and years
/// are written without thousands separators (20261031, not 20.261.031).</summary>
public static class CellText
{
    public static string Of(string column, object? value) => value switch
    {
        null => ViFormat.Missing,
        long or int or short when IsIdentifier(column) => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        long or int or short => ViFormat.Count(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        double or float or decimal => ViFormat.Compact(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static bool IsNumber(object? value) => value is long or int or short or double or float or decimal;

    private static bool IsIdentifier(string column)
    {
        var c = column.ToLowerInvariant();
        return c.EndsWith("_key", StringComparison.Ordinal) || c.EndsWith("_id", StringComparison.Ordinal) || c is "year" or "nam" or "id";
    }
}
