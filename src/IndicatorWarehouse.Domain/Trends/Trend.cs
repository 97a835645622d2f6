namespace IndicatorWarehouse.Domain.Trends;

/// <summary>Trend arithmetic over a monthly series (month sequence number → value; missing months are
/// missing, not zero): changes, rolling means, least-squares slope and projection.</summary>
public static class Trend
{
    /// <summary>Change from the month before, in points; null when either month has no value.</summary>
    public static double? MonthOnMonth(IReadOnlyDictionary<int, double> series, int monthSeq) => Change(series, monthSeq, 1);

    /// <summary>Change from the same month a year before, in points.</summary>
    public static double? YearOnYear(IReadOnlyDictionary<int, double> series, int monthSeq) => Change(series, monthSeq, 12);

    /// <summary>Mean of the months with a value among the <paramref name="months"/> ending at <paramref name="monthSeq"/>.</summary>
    public static double? Rolling(IReadOnlyDictionary<int, double> series, int monthSeq, int months)
    {
        var values = Enumerable.Range(monthSeq - months + 1, months).Where(series.ContainsKey).Select(m => series[m]).ToList();
        return values.Count == 0 ? null : values.Average();
    }

    /// <summary>Least-squares slope in points per month over the months with a value; null with fewer than 3.</summary>
    public static double? SlopePerMonth(IEnumerable<KeyValuePair<int, double>> points)
    {
        var p = points.ToList();
        if (p.Count < 3) return null;
        double mx = p.Average(x => x.Key), my = p.Average(x => x.Value);
        var sxx = p.Sum(x => (x.Key - mx) * (x.Key - mx));
        return sxx == 0 ? null : p.Sum(x => (x.Key - mx) * (x.Value - my)) / sxx;
    }

    /// <summary>The value the least-squares line through the last <paramref name="window"/> months up to
    /// <paramref name="lastMonthSeq"/> reaches at <paramref name="targetMonthSeq"/>; null without a slope.</summary>
    public static double? Project(IReadOnlyDictionary<int, double> series, int lastMonthSeq, int targetMonthSeq, int window = 12)
    {
        var points = series.Where(kv => kv.Key <= lastMonthSeq && kv.Key > lastMonthSeq - window).ToList();
        if (SlopePerMonth(points) is not { } slope) return null;
        double mx = points.Average(x => x.Key), my = points.Average(x => x.Value);
        return my + slope * (targetMonthSeq - mx);
    }

    private static double? Change(IReadOnlyDictionary<int, double> series, int monthSeq, int back) =>
        series.TryGetValue(monthSeq, out var now) && series.TryGetValue(monthSeq - back, out var before) ? now - before : null;
}
