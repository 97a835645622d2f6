namespace IndicatorWarehouse.Domain.Index766;

/// <summary>The figures of one 766 metric for one unit and period, as the portal or the warehouse gives them:
/// counts, or only a ratio in percent, or named counts (<see cref="Params"/>) for metrics built from several.</summary>
public sealed record MetricInput(
    string Unit, string Period, string Metric,
    double? Numerator = null, double? Denominator = null, double? Ratio = null,
    IReadOnlyDictionary<string, double>? Params = null)
{
    public double? Param(string? name) =>
        name is not null && Params is not null && Params.TryGetValue(name, out var value) ? value : null;
}
