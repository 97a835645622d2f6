namespace IndicatorWarehouse.Domain.Index766;

/// <summary>How a metric's ratio becomes points.</summary>
public enum ScoreRule { Linear, Threshold, WeightedSum }

/// <summary>What a metric scores when its denominator is zero and no ratio is given.</summary>
public enum WhenEmpty { NoScore, Zero, Max }

/// <summary>One ratio of a weighted sum (the payment formula): weight · numerator ÷ denominator, at most <see cref="Cap"/>.</summary>
/// <param name="ZeroWhenEmptyIf">a param that, when positive, makes an empty denominator count as a ratio of 0 instead
/// of leaving the formula without a score (the portal's PAYMENT: no fee dossier, but fee procedures)</param>
public sealed record WeightedTerm(string Name, string NumeratorParam, string DenominatorParam, double Weight, double? Cap = null,
    string? ZeroWhenEmptyIf = null);

/// <summary>One metric of the 766 index and the rule that turns its figures into points.</summary>
/// <param name="FullAt">the ratio that earns full points (1 for a linear rule)</param>
/// <param name="NumeratorParam">the param that stands for the numerator when the input gives params instead</param>
/// <param name="LeverParam">for a weighted sum: the count an office can raise (its term's numerator), the others held</param>
public sealed record MetricRule(
    string Code, string NameVi, string Group, string? Split, double Max, ScoreRule Rule, double FullAt, WhenEmpty WhenEmpty,
    string? NumeratorParam, string? DenominatorParam, IReadOnlyList<WeightedTerm> Terms, string? LeverParam = null)
{
    /// <summary>The params this rule reads; any other param of an input is ignored, whatever its type.</summary>
    public IReadOnlySet<string> UsedParams { get; } = new HashSet<string>(
        new[] { NumeratorParam, DenominatorParam }
            .Concat(Terms.SelectMany(t => new[] { t.NumeratorParam, t.DenominatorParam, t.ZeroWhenEmptyIf }))
            .OfType<string>(), StringComparer.Ordinal);

    /// <summary>Points for one input, at most <see cref="Max"/>; null when the input holds no usable data.</summary>
    /// <exception cref="ArgumentException">figures that cannot be: negative, a numerator above its denominator, a
    /// ratio above 100 %, or figures that do not fit the rule</exception>
    public double? Score(MetricInput input)
    {
        IEnumerable<double?> figures = [input.Numerator, input.Denominator, input.Ratio, .. UsedParams.Select(input.Param)];
        if (figures.Any(v => v < 0))
            throw new ArgumentException($"{Code}: số liệu âm / negative figure");
        if (input.Ratio > 100)
            throw new ArgumentException($"{Code}: tỷ lệ {input.Ratio} vượt 100 % / ratio above 100 %");
        return Rule == ScoreRule.WeightedSum ? WeightedSum(input) : FromRatio(input);
    }

    /// <summary>The count that raises this metric (<see cref="LeverParam"/> or the numerator) with its denominator, as the
    /// input gives them; null where the input holds only a ratio.</summary>
    public (double Numerator, double Denominator)? LeverCounts(MetricInput input)
    {
        var (numerator, denominator) = Rule == ScoreRule.WeightedSum
            ? (input.Param(LeverParam), input.Param(Terms.FirstOrDefault(t => t.NumeratorParam == LeverParam)?.DenominatorParam))
            : (input.Numerator ?? input.Param(NumeratorParam), input.Denominator ?? input.Param(DenominatorParam));
        return numerator is { } n && denominator is { } d ? (n, d) : null;
    }

    /// <summary>The same input with the lever count raised by <paramref name="more"/>.</summary>
    public MetricInput WithMore(MetricInput input, double more)
    {
        if (Rule != ScoreRule.WeightedSum && input.Numerator is { } n) return input with { Numerator = n + more };
        var param = Rule == ScoreRule.WeightedSum ? LeverParam! : NumeratorParam!;
        var raised = new Dictionary<string, double>(input.Params!, StringComparer.Ordinal) { [param] = input.Param(param)!.Value + more };
        return input with { Params = raised };
    }

    private double? FromRatio(MetricInput input)
    {
        var numerator = input.Numerator ?? input.Param(NumeratorParam);
        var denominator = input.Denominator ?? input.Param(DenominatorParam);
        if (numerator.HasValue != denominator.HasValue)
            throw new ArgumentException($"{Code}: cần cả tử số và mẫu số / numerator and denominator go together");
        var ratio = Ratio(numerator, denominator, Code) ?? input.Ratio / 100;
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
        var ratios = Terms.Select(t => Ratio(input.Param(t.NumeratorParam), input.Param(t.DenominatorParam), $"{Code}.{t.Name}")
            ?? (input.Param(t.DenominatorParam) == 0 && input.Param(t.ZeroWhenEmptyIf) > 0 ? 0 : null)).ToList();
        // A term without a denominator leaves the formula undefined: no score rather than a partial one.
        if (ratios.Any(r => r is null)) return null;
        return Math.Min(Max, Terms.Zip(ratios, (t, r) => Math.Min(t.Cap ?? double.MaxValue, t.Weight * r!.Value)).Sum());
    }

    private static double? Ratio(double? numerator, double? denominator, string what) =>
        numerator is not { } n || denominator is not { } d || d == 0 ? null
        : n > d ? throw new ArgumentException($"{what}: tử số {n} lớn hơn mẫu số {d} / numerator above its denominator")
        : n / d;
}
