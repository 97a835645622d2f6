namespace IndicatorWarehouse.Warehouse.Queries;

/// <summary>Which dossiers (alias <c>d</c>, fact_dossier) the read-time queries count — quick report, drill-down,
/// Biểu 06, alerts — written once so they cannot drift apart. The build states the same rule for its month
/// sequences in sql/*/build/profile.sql; tests hold the two together (drill-down and Biểu 06 counts equal the build's).</summary>
internal static class DossierScope
{
    /// <summary>Status 3 (not accepted, domain.md §3) is never counted: the dossier was never taken in.</summary>
    public const string Counted = "(d.status IS NULL OR d.status <> 3)";

    /// <summary>Counted in the day range: received by its last day and not ended before its first.</summary>
    public static string InRange(string startKey, string endKey) =>
        $"{Counted} AND d.received_date_key <= {endKey} AND (d.end_date_key IS NULL OR d.end_date_key >= {startKey})";

    /// <summary>Counted, not withdrawn, and still open at the end of the day: what can still fall due.</summary>
    public static string OpenOn(string dayKey) =>
        $"{Counted} AND d.is_withdrawn = 0 AND d.received_date_key <= {dayKey} AND (d.end_date_key IS NULL OR d.end_date_key > {dayKey})";
}
