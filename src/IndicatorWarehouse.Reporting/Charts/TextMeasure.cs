using System.Globalization;
using System.Text;

namespace IndicatorWarehouse.Reporting.Charts;

/// <summary>
/// Estimates how wide a label is in DejaVu Sans. SVG is laid out here without a font engine, so labels are
/// placed and shortened from per-letter advance widths of that font, close enough to avoid overlaps.
/// </summary>
internal static class TextMeasure
{
    public static double Width(string text, double fontSize, bool bold = false)
    {
        double em = 0;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            em += Advance(c);
        }
        return em * fontSize * (bold ? 1.1 : 1.0);
    }

    /// <summary>The text cut with "…" so that it fits in <paramref name="maxWidth"/>.</summary>
    public static string Fit(string text, double fontSize, double maxWidth)
    {
        if (Width(text, fontSize) <= maxWidth) return text;
        var cut = text;
        while (cut.Length > 1 && Width(cut + "…", fontSize) > maxWidth) cut = cut[..^1];
        return cut.TrimEnd() + "…";
    }

    private static double Advance(char c) => c switch
    {
        ' ' => 0.32,
        'i' or 'j' or 'l' or '.' or ',' or ':' or ';' or '\'' or '|' or '!' => 0.28,
        'f' or 't' or 'r' or 'I' or '(' or ')' or '-' or '/' => 0.40,
        'm' or 'w' => 0.92,
        'M' or 'W' => 0.95,
        '%' => 0.95,
        '—' or '…' => 1.0,
        >= '0' and <= '9' => 0.64,
        _ when char.IsUpper(c) => 0.72,
        _ => 0.61,
    };
}
