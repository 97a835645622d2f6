namespace IndicatorWarehouse.Reporting.Charts;

/// <summary>Maps values to pixels along one axis, with round tick values ("nice" steps of 1, 2, 2.5 or 5 × 10ⁿ).</summary>
internal sealed record LinearScale(double Min, double Max, double Step, double RangeStart, double RangeEnd)
{
    public double Map(double value) => RangeStart + (value - Min) / (Max - Min) * (RangeEnd - RangeStart);

    public IEnumerable<double> Ticks()
    {
        var first = Math.Ceiling(Math.Round(Min / Step, 9)) * Step;
        for (var i = 0; ; i++)
        {
            var tick = Math.Round(first + i * Step, 9);
            if (tick > Max + Step * 1e-9) yield break;
            yield return tick;
        }
    }

    /// <summary>
    /// A scale that shows <paramref name="values"/> well: from zero when asked (bars must start at zero),
    /// never past 100 for percentages that stay within 100, widened to round ticks unless min/max are given.
    /// </summary>
    public static LinearScale For(IEnumerable<double> values, ScaleRequest request, double rangeStart, double rangeEnd)
    {
        var data = values.Where(double.IsFinite).ToList();
        if (data.Count == 0) data = request.Percent ? [0, 100] : [0, 1];
        double dataMin = data.Min(), dataMax = data.Max();
        // Values equal but for floating-point noise (a rate recomputed from shares: 100.00000000000001) are one value;
        // a spread of 1e-14 would otherwise ask for a million ticks.
        var flat = dataMax - dataMin <= 1e-9 * Math.Max(1, Math.Abs(dataMax));
        var pad = flat ? Math.Max(Math.Abs(dataMax) * 0.05, 1) : (dataMax - dataMin) * 0.08;

        var lo = request.FromZero ? Math.Min(0, dataMin) : dataMin - pad;
        var hi = dataMax + pad;
        if (lo < 0 && dataMin >= 0) lo = 0;
        if (request.Percent && hi > 100 && dataMax <= 100 + 1e-9) hi = 100;

        lo = request.Min ?? lo;
        hi = request.Max ?? hi;
        if (hi <= lo) hi = lo + 1;
        var step = NiceStep((hi - lo) / request.TickCount);
        if (request.Min is null) lo = Math.Round(Math.Floor(Math.Round(lo / step, 9)) * step, 9);
        if (request.Max is null) hi = Math.Round(Math.Ceiling(Math.Round(hi / step, 9)) * step, 9);
        return new LinearScale(lo, hi, step, rangeStart, rangeEnd);
    }

    private static double NiceStep(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var normalized = raw / magnitude;
        var nice = normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 2.5 ? 2.5 : normalized <= 5 ? 5 : 10;
        return nice * magnitude;
    }
}

/// <summary>What a chart asks of its value scale.</summary>
internal sealed record ScaleRequest(bool FromZero, bool Percent, double? Min = null, double? Max = null, int TickCount = 5);
