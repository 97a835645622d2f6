using System.Globalization;

namespace IndicatorWarehouse.Domain.Targets;

/// <summary>How much of a 766 group's (or the total's) maximum was scored: the maxima of the metrics that had data
/// (<see cref="ScoredMax"/>) out of the Decision's maximum (<see cref="FullMax"/>).</summary>
public sealed record PointsCoverage(double ScoredMax, double FullMax)
{
    public bool IsPartial => ScoredMax < FullMax - 1e-9;

    /// <summary>"6/22 điểm chấm được" (decimal comma where a maximum is not whole).</summary>
    public string Describe() => $"{Points(ScoredMax)}/{Points(FullMax)} điểm chấm được";

    private static string Points(double v) => v.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"));
}
