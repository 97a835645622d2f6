namespace IndicatorWarehouse.Domain.Targets;

/// <summary>A target as a plan declared it: for one unit (or <c>*</c>, every unit), one indicator, a span,
/// a comparator and a value, with the document and clause that set it.</summary>
public sealed record Target(long Id, string AgencyCode, string Indicator, TargetPeriod Period, string Comparator, double Value,
    string SourceDocument, string Clause)
{
    public const string EveryUnit = "*";

    public bool IsMetBy(double value) => Comparator switch
    {
        ">=" => value >= Value,
        "<=" => value <= Value,
        _ => Math.Abs(value - Value) < 1e-9,
    };

    /// <summary>Whether this target asks more than <paramref name="other"/> (same comparator assumed).</summary>
    public bool IsStricterThan(Target other) => Comparator switch
    {
        ">=" => Value > other.Value,
        "<=" => Value < other.Value,
        _ => false,
    };

    public string Provenance => $"{SourceDocument}, {Clause}";
}
