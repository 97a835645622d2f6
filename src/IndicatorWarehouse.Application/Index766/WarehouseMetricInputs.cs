using IndicatorWarehouse.Domain.Index766;
using IndicatorWarehouse.Domain.Indicators;

namespace IndicatorWarehouse.Application.Index766;

/// <summary>One indicator value as <c>fact_indicator_value</c> holds it (column names as Dapper reads them).</summary>
public sealed record IndicatorValueRow(string agency_code, string period_code, string indicator_code, double? numerator, double? denominator, double? value);

/// <summary>The 766 metric inputs the warehouse's indicator values feed: the same for the build that scores them and
/// for the levers that say what would raise them.</summary>
public static class WarehouseMetricInputs
{
    /// <summary>An input per unit, period and metric that some value feeds (values of other indicators are passed over).</summary>
    public static IEnumerable<MetricInput> From(IEnumerable<IndicatorValueRow> values, IndicatorCatalog catalog, Index766Rules rules)
    {
        var feeds = catalog.All.Where(i => i.Index766Metric is not null).ToDictionary(i => i.Code);
        return values.Where(v => feeds.ContainsKey(v.indicator_code))
            .GroupBy(v => (v.agency_code, v.period_code, Metric: feeds[v.indicator_code].Index766Metric!))
            .Select(g => Input(g.Key.agency_code, g.Key.period_code, g.Key.Metric, g.ToList(), feeds, rules))
            .OfType<MetricInput>();
    }

    /// <summary>One metric's input from the values that feed it: one value's counts (or its ratio alone), or for a
    /// metric of several ratios (PAYMENT) each term's counts from the indicator the catalog ties to that term.</summary>
    private static MetricInput? Input(string agency, string period, string metric, List<IndicatorValueRow> rows, Dictionary<string, Indicator> feeds,
        Index766Rules rules)
    {
        if (!rules.TryGetMetric(metric, out var rule) || rule.Terms.Count == 0)
        {
            var v = rows[0];
            return v.denominator is not null ? new MetricInput(agency, period, metric, v.numerator, v.denominator)
                : v.value is { } ratio ? new MetricInput(agency, period, metric, Ratio: ratio)
                : null;
        }
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var v in rows)
        {
            if (rule.Terms.FirstOrDefault(t => t.Name == feeds[v.indicator_code].Index766Term) is not { } term) continue;
            // A percent reported without its counts stands for value out of 100.
            var (numerator, denominator) = v.denominator is { } d ? (v.numerator, (double?)d) : (v.value, v.value is null ? null : 100);
            if (numerator is null || denominator is null) continue;
            // Terms may share a denominator (B and C both divide by the fee procedures) while each figure brings its
            // own (a count, or 100 for a percent): keep each term's ratio on the denominator already set.
            if (counts.TryGetValue(term.DenominatorParam, out var shared) && denominator.Value > 0)
                (numerator, denominator) = (numerator.Value * shared / denominator.Value, shared);
            counts[term.NumeratorParam] = numerator.Value;
            counts[term.DenominatorParam] = denominator.Value;
        }
        return counts.Count == 0 ? null : new MetricInput(agency, period, metric, Params: counts);
    }
}
