namespace IndicatorWarehouse.Domain.Index766;

/// <summary>How a metric's ratio becomes points.</summary>
public enum ScoreRule { Linear, Threshold, WeightedSum }

/// <summary>What a metric scores when its denominator is zero and no ratio is given.</summary>
public enum WhenEmpty { NoScore, Zero, Max }

/// <summary>One ratio of a weighted sum (the payment formula): weight · numerator ÷ denominator, at most <see cref="Cap"/>.</summary>
public sealed record WeightedTerm(string Name, string NumeratorParam, string DenominatorParam, double Weight, double? Cap = null);

/// <summary>One metric of the 766 index and the rule that turns its figures into points.</summary>
/// <param name="FullAt">the ratio that earns full points (1 for a linear rule)</param>
/// <param name="NumeratorParam">the param that stands for the numerator when the input gives params instead</param>
public sealed record MetricRule(
    string Code, string NameVi, string Group, string? Split, double Max, ScoreRule Rule, double FullAt, WhenEmpty WhenEmpty,
    string? NumeratorParam, string? DenominatorParam, IReadOnlyList<WeightedTerm> Terms)
{
    /// <summary>Points for one input, at most <see cref="Max"/>; null when the input holds no usable data.</summary>
    /// <exception cref="ArgumentException">the input's figures are negative or do not fit the rule</exception>
    public double? Score(MetricInput input)
    {
        IEnumerable<double?> figures = [input.Numerator, input.Denominator, input.Ratio, .. (input.Params?.Values ?? []).Select(v => (double?)v)];
        if (figures.Any(v => v < 0))
            throw new ArgumentException($"{Code}: số liệu âm / negative figure");
        return Rule == ScoreRule.WeightedSum ? WeightedSum(input) : FromRatio(input);
    }

    private double? FromRatio(MetricInput input)
    {
        var numerator = input.Numerator ?? input.Param(NumeratorParam);
        var denominator = input.Denominator ?? input.Param(DenominatorParam);
        if (numerator.HasValue != denominator.HasValue)
            throw new ArgumentException($"{Code}: cần cả tử số và mẫu số / numerator and denominator go together");
        var ratio = Ratio(numerator, denominator) ?? input.Ratio / 100;
        if (ratio is { } r) return Max * Math.Min(1, r / FullAt);
        return denominator == 0 ? WhenEmpty switch { WhenEmpty.Zero => 0, WhenEmpty.Max => Max, _ => null } : null;
    }

    // PAYMENT's terms, as index766.yaml maps the portal's counts (inferred from their names, undocumented):
    // A = totalDossierOnlinePaymentSuccess ÷ totalDossierFinancialObligation (dossiers paid online ÷ with a fee),
    // B = totalDossierOnlineFormalityPaymentSuccess ÷ totalFeeFormality (fee procedures paid online ÷ fee procedures),
    // C = totalFeeDossierFormality ÷ totalFeeFormality (fee procedures with fee data synced ÷ fee procedures).
    private double? WeightedSum(MetricInput input)
    {
        if (input.Numerator is not null || input.Denominator is not null || input.Ratio is not null)
        {
            var names = Terms.SelectMany(t => new[] { t.NumeratorParam, t.DenominatorParam }).Distinct();
            throw new ArgumentException($"{Code}: chỉ nhận params / takes params only: {string.Join(", ", names)}");
        }
        var ratios = Terms.Select(t => Ratio(input.Param(t.NumeratorParam), input.Param(t.DenominatorParam))).ToList();
        // A term without a denominator leaves the formula undefined: no score rather than a partial one.
        if (ratios.Any(r => r is null)) return null;
        return Math.Min(Max, Terms.Zip(ratios, (t, r) => Math.Min(t.Cap ?? double.MaxValue, t.Weight * r!.Value)).Sum());
    }

    private static double? Ratio(double? numerator, double? denominator) =>
        numerator is { } n && denominator is { } d && d > 0 ? Math.Min(1, n / d) : null;
}
