using System.Globalization;

namespace IndicatorWarehouse.Ingestion.Readers;

/// <summary>Turns typed cells (Excel numbers and dates, JSON numbers and booleans) into the text forms the
/// validation reads: ISO dates, numbers with the file's decimal separator and no grouping, 0/1 flags.</summary>
internal static class CellText
{
    public static string Date(DateTime value)
    {
        // Excel stores times as fractions of a day; round away the floating-point dust below a second.
        var rounded = new DateTime((value.Ticks + TimeSpan.TicksPerSecond / 2) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond);
        return rounded.TimeOfDay == TimeSpan.Zero
            ? rounded.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : rounded.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
    }

    public static string Number(double value, char decimalSeparator)
    {
        var text = Math.Abs(value) < 1e15 && value == Math.Floor(value)
            ? value.ToString("0", CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);
        return WithSeparator(text, decimalSeparator);
    }

    /// <summary>A number already written with '.' (a JSON literal) in the file's convention.</summary>
    public static string WithSeparator(string invariantNumber, char decimalSeparator) =>
        decimalSeparator == '.' ? invariantNumber : invariantNumber.Replace('.', decimalSeparator);

    public static string Flag(bool value) => value ? "1" : "0";

    /// <summary>What stands in for a formula cell that has no calculated value (Excel's own "cannot calculate" literal).</summary>
    public const string Uncalculated = "#CALC!";

    /// <summary>The literals of Excel's error values, as a cell shows them (and a CSV saved by Excel holds them).</summary>
    public static readonly IReadOnlySet<string> ErrorLiterals =
        new HashSet<string>(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", Uncalculated], StringComparer.Ordinal);

    /// <summary>The A1 reference of a 0-based column on a 1-based row.</summary>
    public static string Reference(int column, int row)
    {
        var letters = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26) letters = (char)('A' + (c - 1) % 26) + letters;
        return letters + row.ToString(CultureInfo.InvariantCulture);
    }
}
