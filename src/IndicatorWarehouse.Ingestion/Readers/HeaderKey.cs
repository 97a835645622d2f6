using System.Text;

namespace IndicatorWarehouse.Ingestion.Readers;

/// <summary>The form in which headers and code names are compared: Vietnamese exports differ in Unicode
/// normalization (NFC vs NFD), letter case and spacing, and none of that should break a mapping.</summary>
public static class HeaderKey
{
    public static string Normalize(string text)
    {
        var s = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(s.Length);
        var pendingSpace = false;
        foreach (var c in s)
        {
            if (c is '\uFEFF' or '\u200B') continue;
            if (char.IsWhiteSpace(c)) { pendingSpace = sb.Length > 0; continue; }
            if (pendingSpace) { sb.Append(' '); pendingSpace = false; }
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
