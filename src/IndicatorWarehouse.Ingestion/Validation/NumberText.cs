using System.Globalization;

namespace IndicatorWarehouse.Ingestion.Validation;

/// <summary>Parses numbers with a decimal point (canonical) or, when a profile says so, a decimal comma with
/// '.' or spaces grouping thousands (150.000,5). Grouping must be in threes, so "1.5" under a decimal comma
/// is refused rather than read as fifteen.</summary>
internal static class NumberText
{
    public static bool TryParseDecimal(string text, char decimalSeparator, out decimal value)
    {
        value = 0;
        if (decimalSeparator == '.')
            return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
        if (text.Length > 64) return false;
        Span<char> buffer = stackalloc char[text.Length];
        var comma = text.IndexOf(',');
        if (comma >= 0 && text.IndexOf(',', comma + 1) >= 0) return false;
        var integerEnd = comma >= 0 ? comma : text.Length;
        var length = 0;
        var run = 0;
        var grouped = false;
        for (var i = 0; i < integerEnd; i++)
        {
            var c = text[i];
            if (c is '.' or ' ' or '\u00A0')
            {
                if (run == 0 || (grouped ? run != 3 : run > 3)) return false;
                grouped = true;
                run = 0;
                continue;
            }
            if (char.IsAsciiDigit(c)) run++;
            buffer[length++] = c;
        }
        if (grouped && run != 3) return false;
        if (comma >= 0)
        {
            buffer[length++] = '.';
            text.AsSpan(comma + 1).CopyTo(buffer[length..]);
            length += text.Length - comma - 1;
        }
        return decimal.TryParse(buffer[..length], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryParseInteger(string text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>A number written under <paramref name="decimalSeparator"/>, to show in a message.</summary>
    public static string Example(char decimalSeparator) => decimalSeparator == ',' ? "150.000,5" : "150000.5";
}
