namespace IndicatorWarehouse.Domain.Index766;

/// <summary>An input the scorer could not score: its position in the inputs and why, Vietnamese first.</summary>
public sealed record RejectedInput(int Index, string Reason);

/// <summary>What scoring gave: the rows it could score and the inputs it refused.</summary>
public sealed record Index766Scoring(IReadOnlyList<ScoreRow> Rows, IReadOnlyList<RejectedInput> Rejected);

/// <summary>Scores 766 metric figures per unit and period and sums them into groups and a total, as the national
/// portal does. A metric without data has no score; group and total add up only the scores there are.</summary>
public sealed class Index766Scorer(Index766Rules rules)
{
    private readonly Dictionary<string, int> _order = rules.Metrics.Select((m, i) => (m.Code, i)).ToDictionary(p => p.Code, p => p.i);
    private readonly double _totalMax = rules.Groups.Where(g => !g.IsPortalSplit).Sum(g => g.Max);

    /// <summary>Per unit and period, in order of first appearance: a row per metric scored (in rule order), a row
    /// per group (Decision groups, then portal splits) and a <see cref="ScoreRow.Total"/> row. An unknown metric, a
    /// group's aggregate, a metric given twice for a unit and period, or figures that cannot be or do not fit its rule
    /// are refused one by one, each named by its position; the rest is scored.</summary>
    public Index766Scoring Score(IEnumerable<MetricInput> inputs)
    {
        var seen = new HashSet<(string, string, string)>();
        var scored = new List<(MetricRule Rule, ScoreRow Row)>();
        var rejected = new List<RejectedInput>();
        foreach (var (input, index) in inputs.Select((input, index) => (input, index)))
        {
            try
            {
                scored.Add(ScoreOne(input, seen));
            }
            catch (ArgumentException e)
            {
                rejected.Add(new RejectedInput(index, e.Message));
            }
        }
        var rows = new List<ScoreRow>();
        foreach (var unitPeriod in scored.GroupBy(s => (s.Row.Unit, s.Row.Period)))
        {
            var (unit, period) = unitPeriod.Key;
            var metrics = unitPeriod.OrderBy(s => _order[s.Rule.Code]).ToList();
            var groups = rules.Groups.Select(g => Sum(unit, period, ScoreRow.GroupPrefix + g.Code, g.Max, ScoreLevel.Group, g.Code, g.IsPortalSplit,
                metrics.Where(s => (g.IsPortalSplit ? s.Rule.Split : s.Rule.Group) == g.Code).Select(s => s.Row))).ToList();
            rows.AddRange(metrics.Select(s => s.Row));
            rows.AddRange(groups);
            // Portal splits are parts of online_service: adding them too would count those points twice.
            rows.Add(Sum(unit, period, ScoreRow.Total, _totalMax, ScoreLevel.Total, null, false, groups.Where(g => !g.IsPortalSplit)));
        }
        return new Index766Scoring(rows, rejected);
    }

    private (MetricRule Rule, ScoreRow Row) ScoreOne(MetricInput input, HashSet<(string, string, string)> seen)
    {
        if (!rules.TryGetMetric(input.Metric, out var rule))
            throw new ArgumentException(rules.Groups.FirstOrDefault(g => string.Equals(g.Code, input.Metric, StringComparison.OrdinalIgnoreCase)) is { } group
                ? $"{input.Metric}: dòng tổng hợp của nhóm «{group.NameVi}», không phải một chỉ số; nhóm được cộng từ các chỉ số của nó / " +
                  "a group's aggregate, not a metric: groups are summed from their metrics"
                : $"không có chỉ số 766 '{input.Metric}' / unknown 766 metric '{input.Metric}'");
        var row = new ScoreRow(input.Unit, input.Period, rule.Code, rule.Score(input), rule.Max, ScoreLevel.Metric, rule.Group);
        // Only a row that scored takes the place: a refused first row leaves room for its correction.
        if (!seen.Add((input.Unit, input.Period, input.Metric)))
            throw new ArgumentException($"{input.Metric} của {input.Unit}, kỳ {input.Period} bị lặp / given twice for this unit and period");
        return (rule, row);
    }

    /// <summary>Adds up the parts that have a score, against the sum of their maxima; no score if none has one.</summary>
    private static ScoreRow Sum(string unit, string period, string metric, double max, ScoreLevel level, string? group, bool isPortalSplit,
        IEnumerable<ScoreRow> parts)
    {
        var scored = parts.Where(p => p.Score is not null).ToList();
        return scored.Count == 0
            ? new(unit, period, metric, null, max, level, group, isPortalSplit)
            : new(unit, period, metric, Math.Min(max, scored.Sum(p => p.Score!.Value)), Math.Min(max, scored.Sum(p => p.MaxScore)),
                level, group, isPortalSplit);
    }
}
