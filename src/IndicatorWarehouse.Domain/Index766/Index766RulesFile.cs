using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace IndicatorWarehouse.Domain.Index766;

/// <summary>The YAML shape of the 766 rule set and its translation into checked rules.</summary>
internal static class Index766RulesFile
{
    public static Index766Rules Parse(TextReader yaml)
    {
        var file = Deserialize(yaml);
        var groups = file.Groups.Select(g => new ScoreGroup(g.Code, g.NameVi, g.Max, g.SplitOf)).ToList();
        if (groups.FirstOrDefault(g => g.IsPortalSplit && !groups.Any(d => d.Code == g.SplitOf && !d.IsPortalSplit)) is { } orphan)
            throw Invalid($"group '{orphan.Code}' splits unknown group '{orphan.SplitOf}'");
        var metrics = file.Metrics.Select(m => Metric(m, groups)).ToList();
        if (metrics.GroupBy(m => m.Code).FirstOrDefault(c => c.Count() > 1) is { } twice)
            throw Invalid($"metric '{twice.Key}' appears twice");
        if (file.RatingBands.Count == 0) throw Invalid("no rating_bands");
        return new Index766Rules(file.RuleVersion, groups, metrics,
            [.. file.RatingBands.Select(b => new RatingBand(b.Code, b.NameVi, b.Min))]);
    }

    private static RulesFile Deserialize(TextReader yaml)
    {
        try
        {
            return new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance)
                .Build().Deserialize<RulesFile?>(yaml) ?? throw Invalid("the file is empty");
        }
        catch (YamlException e)
        {
            throw Invalid(e.Message);
        }
    }

    private static MetricRule Metric(MetricEntry m, List<ScoreGroup> groups)
    {
        if (!groups.Any(g => g.Code == m.Group && !g.IsPortalSplit)) throw Invalid($"metric '{m.Code}': unknown group '{m.Group}'");
        if (m.Split is not null && !groups.Any(g => g.Code == m.Split && g.SplitOf == m.Group))
            throw Invalid($"metric '{m.Code}': '{m.Split}' is not a split of '{m.Group}'");
        if (m.Max <= 0) throw Invalid($"metric '{m.Code}': max must be positive");
        var rule = m.Rule switch
        {
            "linear" => ScoreRule.Linear,
            "threshold" => ScoreRule.Threshold,
            "weighted_sum" => ScoreRule.WeightedSum,
            _ => throw Invalid($"metric '{m.Code}': unknown rule '{m.Rule}'"),
        };
        if (rule == ScoreRule.Threshold ? m.FullAt is not (> 0 and <= 1) : m.FullAt is not null)
            throw Invalid($"metric '{m.Code}': full_at (0 < full_at ≤ 1) goes with a threshold rule, and only with it");
        if (rule == ScoreRule.WeightedSum && m.Terms.Count == 0)
            throw Invalid($"metric '{m.Code}': a weighted_sum rule needs terms");
        if (rule == ScoreRule.WeightedSum ? !m.Terms.Any(t => t.Numerator == m.Lever) : m.Lever is not null)
            throw Invalid($"metric '{m.Code}': lever names the numerator of one of its terms, and only for a weighted_sum rule");
        var whenEmpty = m.WhenEmpty switch
        {
            null => WhenEmpty.NoScore,
            "zero" => WhenEmpty.Zero,
            "max" => WhenEmpty.Max,
            _ => throw Invalid($"metric '{m.Code}': when_empty must be zero or max, not '{m.WhenEmpty}'"),
        };
        return new MetricRule(m.Code, m.NameVi, m.Group, m.Split, m.Max, rule, rule == ScoreRule.Threshold ? m.FullAt!.Value : 1,
            whenEmpty, m.NumeratorParam, m.DenominatorParam,
            [.. m.Terms.Select(t => new WeightedTerm(t.Name, t.Numerator, t.Denominator, t.Weight, t.Cap, t.ZeroWhenEmptyIf))], m.Lever);
    }

    private static InvalidDataException Invalid(string problem) => new($"index766 rules: {problem}");

    private sealed class RulesFile
    {
        public string RuleVersion { get; set; } = "";
        public List<GroupEntry> Groups { get; set; } = [];
        public List<MetricEntry> Metrics { get; set; } = [];
        public List<BandEntry> RatingBands { get; set; } = [];
    }

    private sealed class GroupEntry
    {
        public string Code { get; set; } = "";
        public string NameVi { get; set; } = "";
        public double Max { get; set; }
        public string? SplitOf { get; set; }
    }

    private sealed class MetricEntry
    {
        public string Code { get; set; } = "";
        public string NameVi { get; set; } = "";
        public string Group { get; set; } = "";
        public string? Split { get; set; }
        public double Max { get; set; }
        public string Rule { get; set; } = "";
        public double? FullAt { get; set; }
        public string? WhenEmpty { get; set; }
        public string? NumeratorParam { get; set; }
        public string? DenominatorParam { get; set; }
        public string? Lever { get; set; }
        public List<TermEntry> Terms { get; set; } = [];
    }

    private sealed class TermEntry
    {
        public string Name { get; set; } = "";
        public double Weight { get; set; }
        public double? Cap { get; set; }
        public string Numerator { get; set; } = "";
        public string Denominator { get; set; } = "";
        public string? ZeroWhenEmptyIf { get; set; }
    }

    private sealed class BandEntry
    {
        public string Code { get; set; } = "";
        public string NameVi { get; set; } = "";
        public double Min { get; set; }
    }
}
