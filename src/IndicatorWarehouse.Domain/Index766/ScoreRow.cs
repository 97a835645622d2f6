namespace IndicatorWarehouse.Domain.Index766;

/// <summary>What a score row adds up: one metric, one group of metrics, or the unit's total.</summary>
public enum ScoreLevel { Metric, Group, Total }

/// <summary>One scored line for a unit and period: <see cref="Score"/> is null when there was no data (never 0
/// in its place); <see cref="MaxScore"/> is the maximum it was scored against (its full maximum when it has no score).</summary>
public sealed record ScoreRow(
    string Unit, string Period, string Metric, double? Score, double MaxScore, ScoreLevel Level,
    string? Group, bool IsPortalSplit = false)
{
    public const string Total = "TOTAL", GroupPrefix = "GROUP:";
}
