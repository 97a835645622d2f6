using System.Globalization;
using System.Text;

namespace IndicatorWarehouse.Application.Exports;

/// <summary>The one CSV writer of every CSV export (Biểu 06, drill-down, quarantine, /sql/csv, `iw sql`, `iw measures`):
/// RFC 4180 quoting, CRLF line ends, invariant-culture numbers, and cells that a spreadsheet would run as a formula
/// neutralised as OWASP's "CSV injection" page describes: a text cell that starts with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, a tab or a carriage return gets a leading apostrophe (the spreadsheet's "this is text" mark) and is quoted.
/// Numbers are data, not formulas: a numeric value, or a text cell that is entirely a plain number such as "-5" or
/// "+3.5", is written as it is, so a negative figure stays a number in Excel. Reading a file back, the ingest drops
/// that apostrophe again (<c>TextValue.Clean</c>), so a corrected quarantine export round-trips.</summary>
public sealed class SafeCsv(TextWriter output)
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];
    private static readonly char[] NeedsQuotes = [',', '"', '\n', '\r'];

    public void WriteRow(IEnumerable<object?> cells) => output.Write(Line(cells) + "\r\n");

    /// <summary>One row as it goes into the file, without its line end: for writers that stream rows as they are read.</summary>
    public static string Line(IEnumerable<object?> cells) => string.Join(',', cells.Select(Cell));

    /// <summary>One cell as it goes into the file.</summary>
    public static string Cell(object? value)
    {
        var text = value switch
        {
            null => "",
            string s => Neutralise(s),
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => Neutralise(value.ToString() ?? ""),
        };
        return text.IndexOfAny(NeedsQuotes) >= 0 || text.StartsWith('\'') ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }

    /// <summary>The text with an apostrophe before a leading formula character, unless it is a plain number.</summary>
    public static string Neutralise(string text) =>
        text.Length > 0 && Array.IndexOf(FormulaStarts, text[0]) >= 0 && !IsPlainNumber(text) ? "'" + text : text;

    private static bool IsPlainNumber(string text) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    /// <summary>A UTF-8 encoding with a byte-order mark: spreadsheet programs then read Vietnamese letters right.</summary>
    public static Encoding Utf8WithBom { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
}
