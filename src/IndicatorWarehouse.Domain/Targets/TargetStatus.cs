namespace IndicatorWarehouse.Domain.Targets;

/// <summary>Where a figure stands against its target (codes stored; Vietnamese labels for people).</summary>
/// <remarks><see cref="Partial"/>: a 766 score earned on only part of its maximum (metrics without data) can be
/// neither met nor missed: it is "chưa đủ dữ liệu", never "Đạt".</remarks>
public enum TargetState { Met, NotMet, AtRisk, NoData, Partial }

/// <summary>A figure against its target: the gap in points, attainment, and the state.</summary>
/// <param name="Coverage">for a 766 score, the points it was scored on out of its full maximum</param>
public sealed record TargetAssessment(double? Gap, double? Attainment, TargetState State, double? Projected, PointsCoverage? Coverage = null)
{
    public static string Code(TargetState s) => s switch
    {
        TargetState.Met => "dat", TargetState.NotMet => "chua_dat", TargetState.AtRisk => "nguy_co",
        TargetState.Partial => "chua_du_du_lieu", _ => "khong_co_du_lieu",
    };

    public static string LabelVi(TargetState s) => s switch
    {
        TargetState.Met => "Đạt", TargetState.NotMet => "Chưa đạt", TargetState.AtRisk => "Nguy cơ chưa đạt",
        TargetState.Partial => "Chưa đủ dữ liệu", _ => "Không có dữ liệu",
    };

    /// <summary>The state in words, and for a partial 766 score how much of it was scored:
    /// "Chưa đủ dữ liệu — 6/22 điểm chấm được".</summary>
    public static string LabelVi(TargetState s, PointsCoverage? coverage) =>
        s == TargetState.Partial && coverage is not null ? $"{LabelVi(s)} — {coverage.Describe()}" : LabelVi(s);

    /// <summary>This assessment in words (see <see cref="LabelVi(TargetState, PointsCoverage?)"/>).</summary>
    public string LabelVi() => LabelVi(State, Coverage);

    /// <summary>The Vietnamese label of a stored status code (<c>dat</c>, <c>chua_dat</c>, <c>nguy_co</c>, <c>khong_co_du_lieu</c>,
    /// <c>chua_du_du_lieu</c>), with how much was scored for a partial 766 score.</summary>
    public static string LabelVi(string code, PointsCoverage? coverage = null)
    {
        foreach (var state in Enum.GetValues<TargetState>())
            if (Code(state) == code) return LabelVi(state, coverage);
        return code;
    }

    /// <summary>A closed period is met or not; an open one is at risk when the projection to its end misses
    /// (or, with no trend to project, when the figure so far misses). A 766 score scored on part of its maximum
    /// (<paramref name="coverage"/> partial) is <see cref="TargetState.Partial"/> whatever its points: the value,
    /// gap and attainment are the points earned, never scaled up to the full maximum. A count that only grows while
    /// its period runs (<paramref name="accumulates"/>) and is already above an "=" or "≤" target has missed it for
    /// good: not met, even while the period is open.</summary>
    public static TargetAssessment Assess(double? value, Target target, bool periodClosed, double? projectedAtEnd,
        PointsCoverage? coverage = null, bool accumulates = false)
    {
        if (value is not { } v) return new TargetAssessment(null, null, TargetState.NoData, projectedAtEnd, coverage);
        var gap = v - target.Value;
        double? attainment = target.Comparator == ">=" && target.Value > 0 ? 100 * v / target.Value : null;
        var alreadyBroken = accumulates && target.Comparator is "=" or "<=" && v > target.Value + 1e-9;
        TargetState state;
        if (coverage is { IsPartial: true }) state = TargetState.Partial;
        else if (periodClosed || alreadyBroken) state = target.IsMetBy(v) ? TargetState.Met : TargetState.NotMet;
        else state = target.IsMetBy(projectedAtEnd ?? v) ? TargetState.Met : TargetState.AtRisk;
        return new TargetAssessment(gap, attainment, state, projectedAtEnd, coverage);
    }
}
