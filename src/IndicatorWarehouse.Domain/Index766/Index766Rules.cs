using IndicatorWarehouse.Domain.Targets;

namespace IndicatorWarehouse.Domain.Index766;

/// <summary>The 766 rule set read from <c>reference/index766.yaml</c>: groups, metric rules and rating bands.</summary>
public sealed class Index766Rules
{
    private readonly Dictionary<string, MetricRule> _metrics;

    public Index766Rules(string ruleVersion, IReadOnlyList<ScoreGroup> groups, IReadOnlyList<MetricRule> metrics, IReadOnlyList<RatingBand> bands)
    {
        RuleVersion = ruleVersion;
        Groups = groups;
        Metrics = metrics;
        Bands = [.. bands.OrderByDescending(b => b.Min)];
        _metrics = metrics.ToDictionary(m => m.Code, StringComparer.Ordinal);
    }

    /// <summary>The catalog codes of the scores: <c>index766_total</c> and <c>index766_</c> + a group's code.</summary>
    public const string IndicatorPrefix = "index766_", TotalIndicator = "index766_total";

    public string RuleVersion { get; }
    /// <summary>The Decision's groups, then the portal splits, in file order.</summary>
    public IReadOnlyList<ScoreGroup> Groups { get; }
    public IReadOnlyList<MetricRule> Metrics { get; }
    /// <summary>Highest band first.</summary>
    public IReadOnlyList<RatingBand> Bands { get; }

    public bool TryGetMetric(string code, out MetricRule rule) => _metrics.TryGetValue(code, out rule!);

    /// <summary>The band a total falls in: the first, from the top, whose minimum it reaches (else the lowest).</summary>
    public RatingBand BandFor(double total) => Bands.FirstOrDefault(b => total >= b.Min) ?? Bands[^1];

    /// <summary>The Decision's maximum of a score indicator (a group, a portal split or the total); null for any other indicator.</summary>
    public double? FullMaxOf(string indicatorCode) =>
        indicatorCode == TotalIndicator ? Groups.Where(g => !g.IsPortalSplit).Sum(g => g.Max)
        : Groups.FirstOrDefault(g => IndicatorPrefix + g.Code == indicatorCode)?.Max;

    /// <summary>How much of a score indicator's maximum its value was scored on (<paramref name="scoredMax"/>: the
    /// stored denominator); null for an indicator that is not a 766 score or a score with no data.</summary>
    public PointsCoverage? CoverageOf(string indicatorCode, double? scoredMax) =>
        FullMaxOf(indicatorCode) is { } full && scoredMax is { } scored ? new PointsCoverage(scored, full) : null;

    /// <summary>Reads and checks a rule set; a rule that does not hold together is an <see cref="InvalidDataException"/>.</summary>
    public static Index766Rules Parse(TextReader yaml) => Index766RulesFile.Parse(yaml);
}
