using IndicatorWarehouse.Domain.Periods;

namespace IndicatorWarehouse.Domain.Targets;

/// <summary>The target that applies to one unit, indicator and period, and any declaration that contradicts it.</summary>
public sealed record ApplicableTarget(Target Target, IReadOnlyList<Target> Conflicting)
{
    public bool HasConflict => Conflicting.Count > 0;
}

/// <summary>Picks the applicable target: among declarations covering the period, the unit's own before those
/// for every unit, then the most specific span (a month before a year before a plan's five years). Declarations
/// equally specific that disagree are a contradiction: the stricter one applies and the others are reported.</summary>
public sealed class TargetResolver(IEnumerable<Target> targets)
{
    private readonly ILookup<string, Target> _byIndicator = targets.ToLookup(t => t.Indicator);

    public ApplicableTarget? Resolve(string agencyCode, string indicator, Period period)
    {
        var best = _byIndicator[indicator]
            .Where(t => t.Period.Covers(period) && (t.AgencyCode == agencyCode || t.AgencyCode == Target.EveryUnit))
            .GroupBy(t => (Own: t.AgencyCode == agencyCode ? 0 : 1, t.Period.Days))
            .OrderBy(g => g.Key.Own).ThenBy(g => g.Key.Days)
            .FirstOrDefault()?.ToList();
        if (best is null) return null;
        var chosen = best.Aggregate((a, b) => b.IsStricterThan(a) ? b : a);
        return new ApplicableTarget(chosen, best.Where(t => t != chosen && (t.Value != chosen.Value || t.Comparator != chosen.Comparator)).ToList());
    }
}
