namespace IndicatorWarehouse.Reporting.Charts;

/// <summary>
/// The span of a value axis: the data with some room, from zero for bars, and not past 100 for percentages that stay
/// within 100 (a rate cannot exceed it, and an axis up to 110 % would suggest it could). ScottPlot places the ticks.
/// </summary>
internal readonly record struct ValueRange(double Low, double High)
{
    public static ValueRange For(IEnumerable<double> values, bool fromZero, bool percent, double? min = null, double? max = null)
    {
        var data = values.Where(double.IsFinite).ToList();
        if (data.Count == 0) data = percent ? [0, 100] : [0, 1];
        double dataMin = data.Min(), dataMax = data.Max();
        // Values equal but for floating-point noise (100.00000000000001) are one value, not a range of 1e-14.
        var flat = dataMax - dataMin <= 1e-9 * Math.Max(1, Math.Abs(dataMax));
        var pad = flat ? Math.Max(Math.Abs(dataMax) * 0.05, 1) : (dataMax - dataMin) * 0.08;

        var low = fromZero ? Math.Min(0, dataMin) : dataMin - pad;
        var high = dataMax + pad;
        if (low < 0 && dataMin >= 0) low = 0;
        // A little room above 100 % so that a point at 100 % is not cut in half by the plot's edge.
        if (percent && high > 100 && dataMax <= 100 + 1e-9) high = 100 + (100 - low) * 0.02;

        low = min ?? low;
        high = max ?? high;
        return high > low ? new ValueRange(low, high) : new ValueRange(low, low + 1);
    }
}
