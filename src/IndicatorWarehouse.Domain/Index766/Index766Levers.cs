namespace IndicatorWarehouse.Domain.Index766;

/// <summary>What it takes to bring one metric of a unit and period to its maximum: <see cref="Needed"/> more of the
/// metric's numerator (its lever count; the denominator and the other counts held) earn <see cref="PointsGained"/>.
/// <see cref="Needed"/> is 0 at the maximum and null where no count can reach it (only a ratio is known, there is no
/// room under the denominator, or the cap depends on another count).</summary>
public sealed record Lever(
    string Unit, string Period, string Metric, double? Score, double MaxScore, double? Numerator, double? Denominator,
    long? Needed, double? PointsGained)
{
    /// <summary>Points per dossier (or other counted item) added: how levers are ranked.</summary>
    public double? PointsPerItem => Needed > 0 ? PointsGained / Needed : null;
}

/// <summary>Finds, for each metric figure, the least whole count that reaches the metric's maximum under its own rule.</summary>
public static class Index766Levers
{
    /// <summary>A lever per input the scorer accepts, in input order; what it refuses is in <see cref="Index766Scoring.Rejected"/>.</summary>
    public static (IReadOnlyList<Lever> Levers, IReadOnlyList<RejectedInput> Rejected) Find(Index766Rules rules, IReadOnlyList<MetricInput> inputs)
    {
        var rejected = new Index766Scorer(rules).Score(inputs).Rejected;
        var refused = rejected.Select(r => r.Index).ToHashSet();
        var levers = inputs.Where((_, i) => !refused.Contains(i))
            .Select(input => { rules.TryGetMetric(input.Metric, out var rule); return For(rule, input); }).ToList();
        return (levers, rejected);
    }

    /// <summary>The lever of one input that <paramref name="rule"/> scores without an error.</summary>
    public static Lever For(MetricRule rule, MetricInput input)
    {
        var score = rule.Score(input);
        var counts = rule.LeverCounts(input);
        var needed = score is not { } s ? null : s >= rule.Max ? 0 : counts is { } c ? Needed(rule, input, c.Numerator, c.Denominator) : null;
        return new Lever(input.Unit, input.Period, rule.Code, score, rule.Max, counts?.Numerator, counts?.Denominator,
            needed, needed is null ? null : rule.Max - score);
    }

    /// <summary>The least k in 1..room with the maximum reached, by bisection: a metric's points never fall as its
    /// numerator grows. The scorer itself decides "reached", so the answer holds to the last floating-point bit.</summary>
    private static long? Needed(MetricRule rule, MetricInput input, double numerator, double denominator)
    {
        var room = (long)Math.Floor(denominator - numerator);
        bool Reaches(long more) => rule.Score(rule.WithMore(input, more)) >= rule.Max;
        if (room < 1 || !Reaches(room)) return null;
        long low = 1, high = room;
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            if (Reaches(middle)) high = middle;
            else low = middle + 1;
        }
        return low;
    }
}
