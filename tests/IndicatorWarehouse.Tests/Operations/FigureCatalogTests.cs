using IndicatorWarehouse.Application.Setup;

namespace IndicatorWarehouse.Tests.Operations;

/// <summary>The shipped data that figures rely on agrees with itself: the catalog's 766 ties name real metrics, once each.</summary>
public sealed class FigureCatalogTests
{
    [Fact]
    public void Catalog_Index766Metrics_AreMetricsOfThe766RulesEachFedByOneIndicatorPerTerm()
    {
        var reference = ReferenceFiles.Default();
        var rules = reference.Index766Rules();
        var tied = reference.Indicators().All.Where(i => i.Index766Metric is not null).ToList();

        Assert.All(tied, i => Assert.True(rules.TryGetMetric(i.Index766Metric!, out _), $"{i.Code}: {i.Index766Metric} is not a 766 metric"));
        Assert.All(tied, i => Assert.True(i.IsRate, $"{i.Code} feeds {i.Index766Metric} but is not a rate"));
        // One indicator per metric; a metric of several ratios (PAYMENT) one per term, each term fed once.
        Assert.All(tied.GroupBy(i => i.Index766Metric!), g =>
        {
            rules.TryGetMetric(g.Key, out var rule);
            Assert.Equal(rule.Terms.Count == 0 ? [null] : rule.Terms.Select(t => (string?)t.Name).Order(), g.Select(i => i.Index766Term).Order());
        });
        // Every metric can be fed.
        Assert.Equal(rules.Metrics.Select(m => m.Code).Order(), tied.Select(i => i.Index766Metric!).Distinct().Order());
    }
}
