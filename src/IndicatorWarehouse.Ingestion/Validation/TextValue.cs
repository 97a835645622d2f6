using System.Text;

namespace IndicatorWarehouse.Ingestion.Validation;

/// <summary>Cell text as stored: trimmed, NFC-normalized, and null when empty.</summary>
internal static class TextValue
{
    public static string? Clean(string? raw)
    {
        if (raw is null) return null;
        var span = raw.AsSpan().Trim();
        if (span.IsEmpty) return null;
        var text = span.Length == raw.Length ? raw : span.ToString();
        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }
}
