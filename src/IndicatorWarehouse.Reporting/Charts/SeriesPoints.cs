namespace IndicatorWarehouse.Reporting.Charts;

/// <summary>A series' values as ScottPlot takes them: a missing value is NaN, which breaks the line there (a gap, never 0).</summary>
internal static class SeriesPoints
{
    public static double[] WithGaps(IEnumerable<double?> values) => values.Select(v => v ?? double.NaN).ToArray();

    /// <summary>Values with a gap (or the end) on both sides: no line shows them, so they need a dot.</summary>
    public static int[] Lone(double[] ys) => Enumerable.Range(0, ys.Length)
        .Where(i => !double.IsNaN(ys[i]) && (i == 0 || double.IsNaN(ys[i - 1])) && (i == ys.Length - 1 || double.IsNaN(ys[i + 1])))
        .ToArray();
}
