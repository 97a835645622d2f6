using System.Globalization;

namespace IndicatorWarehouse.Domain.Periods;

/// <summary>Open periods are provisional: a period that has not ended by the data's as-of day is counted as at that
/// day (its pending dossiers and PAKN judged on it, not on the period's calendar end), and every figure of it is
/// shown "tạm tính đến dd/MM/yyyy". A closed period ends on or before the as-of day (contract.md, "Open periods").</summary>
public static class Provisional
{
    /// <summary>True when the period ending on <paramref name="periodEnd"/> ends after the data's as-of day (none
    /// loaded: nothing is open).</summary>
    public static bool IsOpen(DateOnly periodEnd, DateOnly? asOfDay) => asOfDay is { } day && periodEnd > day;

    /// <summary>"tạm tính đến 20/11/2026" for a period still open at the data's as-of moment; null for a closed one.</summary>
    public static string? Mark(DateOnly periodEnd, DateTime? dataAsOf) =>
        dataAsOf is { } asOf && IsOpen(periodEnd, DateOnly.FromDateTime(asOf))
            ? "tạm tính đến " + asOf.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
            : null;
}
