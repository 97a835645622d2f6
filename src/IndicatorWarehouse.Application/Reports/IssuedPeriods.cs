using System.Globalization;
using IndicatorWarehouse.Application.Exports;

namespace IndicatorWarehouse.Application.Reports;

/// <summary>Which built periods an issued report shows, from its kind and period as archived: what tells a build
/// that re-scores periods which issues it touches.</summary>
public static class IssuedPeriods
{
    /// <summary>A review's period: its first and last year, "2021-2026".</summary>
    public static string Span(int fromYear, int toYear) => string.Create(CultureInfo.InvariantCulture, $"{fromYear}-{toYear}");

    /// <summary>The built periods a report of this kind and period shows: the years of a review, none for Biểu 06
    /// (counted from the loaded facts), else the period itself.</summary>
    public static IReadOnlyList<string> Built(string kind, string period)
    {
        if (kind == Bieu06Issuer.Kind) return [];
        if (kind != ReviewIssuer.Kind) return [period];
        var years = period.Split('-').Select(y => int.Parse(y, CultureInfo.InvariantCulture)).ToArray();
        return Enumerable.Range(years[0], years[^1] - years[0] + 1).Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList();
    }

    public static bool ShowsBuiltValuesOf(string kind, string period, IReadOnlySet<string> periods) => Built(kind, period).Any(periods.Contains);
}
