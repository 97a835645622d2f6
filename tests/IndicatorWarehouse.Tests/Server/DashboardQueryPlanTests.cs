using IndicatorWarehouse.Server.Dashboards;
using IndicatorWarehouse.Tests.Server.Support;
using IndicatorWarehouse.Tests.Support;
using IndicatorWarehouse.Warehouse.Queries;

namespace IndicatorWarehouse.Tests.Server;

/// <summary>Issue 18: the panels of the unit, province and leadership dashboards read the fact tables through their
/// keys. Their plans (EXPLAIN QUERY PLAN on the product's SQLite, over a built warehouse) search fact_indicator_value
/// and the lineage series the build writes (fact_indicator_lineage) by an index, build no automatic index over a
/// whole intermediate result, walk no lineage closure at read time, and run the windowed month mart (the unit's
/// whole history) only where the panel shows month-on-month or year-on-year changes.</summary>
[Collection(ProvinceCollection.Name)]
public sealed class DashboardQueryPlanTests(ProvinceWarehouse province)
{
    public static TheoryData<string, string, string> Panels()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (slug, unit) in new[] { ("don-vi", "TNI.SYT"), ("tong-quan-tinh", "TNI"), ("xu-huong-lanh-dao", "TNI.SYT") })
            foreach (var panel in DashboardCatalog.Read(RepoPaths.Of($"dashboards/{slug}.yaml")).Dashboard!.Panels.Where(p => p.RunsSql))
                data.Add(slug, unit, panel.Title);
        return data;
    }

    [Theory]
    [MemberData(nameof(Panels))]
    public async Task Panel_Plan_SearchesTheFactTablesAndSkipsTheWindowedMartUnlessItShowsChanges(string slug, string unit, string title)
    {
        var panel = DashboardCatalog.Read(RepoPaths.Of($"dashboards/{slug}.yaml")).Dashboard!.Panels.Single(p => p.Title == title);
        var parameters = new Dictionary<string, object?>
        {
            ["unit"] = unit, ["from"] = "2025-11", ["to"] = "2026-10", ["from_year"] = "2025", ["to_year"] = "2026",
            ["from_key"] = 20251101, ["to_key"] = 20261031,
        };

        var plan = (await new AdHocQuery(province.Warehouse.Database).RunAsync("EXPLAIN QUERY PLAN " + panel.Sql, parameters))
            .Rows.Select(r => Convert.ToString(r[^1], System.Globalization.CultureInfo.InvariantCulture)!).ToList();

        Assert.NotEmpty(plan);
        Assert.All(plan.Where(line => line.Contains("fact_indicator_value", StringComparison.Ordinal) || line.Contains("fact_indicator_lineage", StringComparison.Ordinal)),
            line => Assert.StartsWith("SEARCH", line));
        Assert.DoesNotContain(plan, line => line.Contains("AUTOMATIC", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.Contains("RECURSIVE", StringComparison.Ordinal));
        if (panel.Sql.Contains("mart_indicator_lineage", StringComparison.Ordinal))
            Assert.Contains(plan, line => line.StartsWith("SEARCH fact_indicator_lineage USING", StringComparison.Ordinal));
        var showsChanges = panel.Sql.Contains("mom_change", StringComparison.Ordinal) || panel.Sql.Contains("yoy_change", StringComparison.Ordinal);
        if (!showsChanges)
            Assert.DoesNotContain(plan, line => line.Contains("mart_indicator_monthly", StringComparison.Ordinal));
    }
}
