using System.Text;

namespace IndicatorWarehouse.Ingestion.Validation;

/// <summary>Cell text as stored: trimmed, NFC-normalized, and null when empty. An apostrophe before a leading
/// <c>= + - @</c> is the spreadsheet's "text, not formula" mark that our CSV exports add (OWASP's CSV-injection
/// advice), not part of the value: it is dropped, so a corrected quarantine export loads what the source said.</summary>
internal static class TextValue
{
    public static string? Clean(string? raw)
    {
        if (raw is null) return null;
        var span = raw.AsSpan().Trim();
        if (span.IsEmpty) return null;
        if (span.Length > 1 && span[0] == '\'' && span[1] is '=' or '+' or '-' or '@') span = span[1..];
        var text = span.Length == raw.Length ? raw : span.ToString();
        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }
}
