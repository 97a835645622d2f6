using IndicatorWarehouse.Application.Setup;

namespace IndicatorWarehouse.Tests.Operations;

/// <summary>The shipped data that figures rely on agrees with itself: the catalog's 766 ties name real metrics, once each.</summary>
public sealed class FigureCatalogTests
{
    [Fact]
    public void Catalog_Index766Metrics_AreMetricsOfThe766RulesEachFedByOneIndicator()
    {
        var reference = ReferenceFiles.Default();
        var rules = reference.Index766Rules();
        var tied = reference.Indicators().All.Where(i => i.Index766Metric is not null).ToList();

        Assert.All(tied, i => Assert.True(rules.TryGetMetric(i.Index766Metric!, out _), $"{i.Code}: {i.Index766Metric} is not a 766 metric"));
        Assert.All(tied, i => Assert.True(i.IsRate, $"{i.Code} feeds {i.Index766Metric} but is not a rate"));
        Assert.Equal(tied.Count, tied.Select(i => i.Index766Metric).Distinct().Count());
        // Every metric but PAYMENT (built from five named counts, not one ratio) can be fed.
        Assert.Equal(rules.Metrics.Select(m => m.Code).Where(c => c != "PAYMENT").Order(), tied.Select(i => i.Index766Metric!).Order());
    }
}
