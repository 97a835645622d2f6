using IndicatorWarehouse.Ingestion.Records;

namespace IndicatorWarehouse.Ingestion.Readers;

/// <summary>How much one cell and one row may hold: Excel's own limits (32,767 characters in a cell, 16,384 columns), which
/// no honest export exceeds. Readers keep one character or column past them, so an oversized value is seen; the row
/// holding it is quarantined with its cells cut to the limit, and the rest of the file loads.</summary>
public static class CellLimit
{
    public const int MaxChars = 32_767;
    public const int MaxColumns = 16_384;

    /// <summary>Cuts every value of <paramref name="values"/> longer than the limit to it, and says which were cut.</summary>
    public static List<int>? CutOversized(string?[] values)
    {
        List<int>? cut = null;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is not { Length: > MaxChars } value) continue;
            values[i] = value[..MaxChars];
            (cut ??= []).Add(i);
        }
        return cut;
    }

    public static string TooLong => ProblemText.Of($"ô dài hơn {ProblemText.Count(MaxChars)} ký tự (giới hạn của một ô Excel); phần sau đã bị bỏ",
        $"the cell is longer than {MaxChars:N0} characters (an Excel cell's limit); the rest was dropped");

    public static string TooWide => ProblemText.Of($"dòng có hơn {ProblemText.Count(MaxColumns)} giá trị (giới hạn cột của Excel)",
        $"the row has more than {MaxColumns:N0} values (Excel's column limit)");
}
