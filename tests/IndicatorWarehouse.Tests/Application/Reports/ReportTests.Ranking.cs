using Dapper;
using IndicatorWarehouse.Application.Reports;
using IndicatorWarehouse.Application.Reports.Rankings;

namespace IndicatorWarehouse.Tests.Application.Reports;

public sealed partial class ReportTests
{
    private RankingQuery Rankings => new(fixture.Warehouse.Database);

    [Fact]
    public async Task Ranking_Pdf_ListsEveryRankedUnitOfTheProvince()
    {
        await using var c = await fixture.Warehouse.OpenAsync();
        var ranked = (await c.QueryAsync<string>(
            "SELECT agency_name FROM mart_unit_ranking WHERE province_code = 'TNI' AND period_code = @Month AND agency_level <> 'province'",
            new { ReportWarehouse.Month })).ToList();

        var pdf = await ReportFiles.WriteRankingAsync(Writer, await Rankings.LoadAsync(ReportWarehouse.Province, ReportWarehouse.Month, fixture.GeneratedOn),
            fixture.Output, ReportFormat.Pdf);

        var text = await FlatTextAsync(pdf);
        Assert.True(ranked.Count > 20, $"only {ranked.Count} ranked units");
        Assert.All(ranked, name => Assert.Contains(name, text));
        Assert.Contains("Xếp hạng các đơn vị tháng 10/2026", text);
        Assert.Contains("Diễn biến 12 tháng", text);
        await AssertValidPdfWithDrawnFirstPageAsync(pdf);
    }

    [Fact]
    public async Task Ranking_Model_RanksByTheViewAndComparesWithTheSameMonthAYearBefore()
    {
        var model = await Rankings.LoadAsync(ReportWarehouse.Province, ReportWarehouse.Month, fixture.GeneratedOn);
        await using var c = await fixture.Warehouse.OpenAsync();
        var yearAgo = (await c.QueryAsync<(string Code, double? Value)>(
            "SELECT agency_code, on_time_rate FROM mart_unit_ranking WHERE province_code = 'TNI' AND period_code = '2025-10'"))
            .ToDictionary(r => r.Code, r => r.Value);

        var departments = Assert.Single(model.Groups, g => g.Level == "department").Units;
        Assert.Equal(departments.Where(u => u.Index766.Rank is not null).OrderBy(u => u.Index766.Rank).Select(u => u.Index766.Value),
            departments.Where(u => u.Index766.Rank is not null).Select(u => u.Index766.Value).OrderDescending());
        Assert.All(model.Groups.SelectMany(g => g.Units), u =>
        {
            Assert.Equal(yearAgo.GetValueOrDefault(u.Code), u.OnTime.YearAgo);
            Assert.Equal(RankingQuery.HeatMonths, u.OnTimeMonths.Count);
            Assert.Equal(u.OnTime.Value, u.OnTimeMonths[^1]);
        });
        Assert.Equal(["department", "centre", "commune"], model.Groups.Select(g => g.Level));
    }
}
