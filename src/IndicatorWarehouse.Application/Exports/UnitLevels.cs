namespace IndicatorWarehouse.Application.Exports;

/// <summary>The levels (cấp) Biểu 06 groups units by, in the form's order, with their Vietnamese names.</summary>
internal static class UnitLevels
{
    private static readonly (string Code, string Label)[] Ordered =
    [
        ("province", "Cấp tỉnh"),
        ("department", "Cấp sở, ban, ngành"),
        ("centre", "Trung tâm Phục vụ hành chính công"),
        ("commune", "Cấp xã"),
        ("unknown", "Chưa xác định cấp"),
    ];

    /// <summary>Position of a dim_agency level code; codes the list does not know come last.</summary>
    public static int Rank(string code) => Array.FindIndex(Ordered, l => l.Code == code) is var i and >= 0 ? i : Ordered.Length;

    public static string Label(string code) => Rank(code) is var i && i < Ordered.Length ? Ordered[i].Label : code;
}
