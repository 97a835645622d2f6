namespace IndicatorWarehouse.Ingestion.Validation;

/// <summary>The text codes of the canonical formats (source-formats.md); numeric codes are ranges in the validators.</summary>
internal static class CanonicalCodes
{
    public static readonly string[] OnlineService = ["toan_trinh", "mot_phan", "none"];
    public static readonly string[] Reaction = ["like", "dislike"];
    public static readonly string[] PaknCategory = ["procedure", "conduct", "other"];
    public static readonly string[] PaknState = ["waiting", "processing", "handled", "refused", "returned", "published"];
    public static readonly string[] Comparator = [">=", "<=", "="];
}
