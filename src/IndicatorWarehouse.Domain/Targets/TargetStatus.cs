namespace IndicatorWarehouse.Domain.Targets;

/// <summary>Where a figure stands against its target (codes stored; Vietnamese labels for people).</summary>
public enum TargetState { Met, NotMet, AtRisk, NoData }

/// <summary>A figure against its target: the gap in points, attainment, and the state.</summary>
public sealed record TargetAssessment(double? Gap, double? Attainment, TargetState State, double? Projected)
{
    public static string Code(TargetState s) => s switch
    {
        TargetState.Met => "dat", TargetState.NotMet => "chua_dat", TargetState.AtRisk => "nguy_co", _ => "khong_co_du_lieu",
    };

    public static string LabelVi(TargetState s) => s switch
    {
        TargetState.Met => "Đạt", TargetState.NotMet => "Chưa đạt", TargetState.AtRisk => "Nguy cơ chưa đạt", _ => "Không có dữ liệu",
    };

    /// <summary>The Vietnamese label of a stored status code (<c>dat</c>, <c>chua_dat</c>, <c>nguy_co</c>, <c>khong_co_du_lieu</c>).</summary>
    public static string LabelVi(string code)
    {
        foreach (var state in Enum.GetValues<TargetState>())
            if (Code(state) == code) return LabelVi(state);
        return code;
    }

    /// <summary>A closed period is met or not; an open one is at risk when the projection to its end misses
    /// (or, with no trend to project, when the figure so far misses). A count that only grows while its period runs
    /// (<paramref name="accumulates"/>) and is already above an "=" or "≤" target has missed it for good: not met,
    /// even while the period is open.</summary>
    public static TargetAssessment Assess(double? value, Target target, bool periodClosed, double? projectedAtEnd, bool accumulates = false)
    {
        if (value is not { } v) return new TargetAssessment(null, null, TargetState.NoData, projectedAtEnd);
        var gap = v - target.Value;
        double? attainment = target.Comparator == ">=" && target.Value > 0 ? 100 * v / target.Value : null;
        var alreadyBroken = accumulates && target.Comparator is "=" or "<=" && v > target.Value + 1e-9;
        TargetState state;
        if (periodClosed || alreadyBroken) state = target.IsMetBy(v) ? TargetState.Met : TargetState.NotMet;
        else state = target.IsMetBy(projectedAtEnd ?? v) ? TargetState.Met : TargetState.AtRisk;
        return new TargetAssessment(gap, attainment, state, projectedAtEnd);
    }
}
