using System.Text.RegularExpressions;
using IndicatorWarehouse.Ingestion.Records;

namespace IndicatorWarehouse.Ingestion.Validation;

/// <summary>The one pattern of unit, procedure and field codes (README "Mã đơn vị, thủ tục, lĩnh vực"): ASCII letters
/// and digits in segments joined by single '.', '-' or '_' — <c>TNI.SYT</c>, <c>1.005129</c>, <c>KCB</c>,
/// <c>G09-YT01</c>. No spaces, slashes, angle brackets or leading dots: such a code would become a new inferred unit
/// that every "all units" job then writes a file for, and file names are built from codes.</summary>
public static partial class SourceCode
{
    public static bool IsValid(string code) => Pattern().IsMatch(code);

    public static string Problem(string? raw) => ProblemText.Of(
        $"'{Shown(raw)}' không phải mã hợp lệ (chỉ gồm chữ cái không dấu, chữ số, nối bằng một dấu '.', '-' hoặc '_', ví dụ TNI.SYT, 1.005129)",
        $"'{Shown(raw)}' is not a valid code (ASCII letters and digits joined by single '.', '-' or '_', e.g. TNI.SYT, 1.005129)");

    // A hostile value can be huge; the message quotes its start.
    private static string Shown(string? raw) => raw is { Length: > 60 } ? raw[..60] + "…" : raw ?? "";

    [GeneratedRegex(@"^[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*$")]
    private static partial Regex Pattern();
}
