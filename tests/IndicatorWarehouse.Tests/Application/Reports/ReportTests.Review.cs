using Dapper;
using IndicatorWarehouse.Application.Reports;
using IndicatorWarehouse.Application.Reports.Reviews;
using IndicatorWarehouse.Reporting.Formatting;
using IndicatorWarehouse.Reporting.Templates.Reviews;

namespace IndicatorWarehouse.Tests.Application.Reports;

public sealed partial class ReportTests
{
    private Task<ReviewModel> ReviewAsync() =>
        new ReviewQuery(fixture.Warehouse.Database, fixture.Reference).LoadAsync(ReportWarehouse.Province, 2024, 2026, fixture.GeneratedOn);

    [Fact]
    public async Task Review_Pdf_HasTheProvinceLineAndEverySở()
    {
        var model = await ReviewAsync();

        var pdf = await ReportFiles.WriteReviewAsync(Writer, model, fixture.Output, ReportFormat.Pdf);

        var text = await FlatTextAsync(pdf);
        Assert.Contains("Xu hướng các chỉ số CCHC 2024–2026", text);
        Assert.Contains("Toàn tỉnh qua các năm", text);
        Assert.Contains("Toàn tỉnh", text);
        Assert.All(model.Indicators[0].Units, u => Assert.Contains(u.Name, text));
        Assert.Equal(14, model.Indicators[0].Units.Count);
        await AssertValidPdfWithDrawnFirstPageAsync(pdf);
    }

    [Fact]
    public async Task Review_ProvinceLine_AddsUpEveryUnitOfBothProvincesBeforeTheMerger()
    {
        var model = await ReviewAsync();
        await using var c = await fixture.Warehouse.OpenAsync();
        // Before 1/7/2025 the province was Tây Ninh and Long An; all of their units are predecessors of today's units.
        var (numerator, denominator) = await c.QuerySingleAsync<(double, double)>("""
            SELECT SUM(v.numerator), SUM(v.denominator) FROM fact_indicator_value v JOIN mart_agency a ON a.agency_code = v.agency_code
            WHERE a.province_code IN ('TNI', 'LAN') AND v.period_code = '2024' AND v.indicator_code = 'on_time_rate_766'
            """);

        var onTime = Assert.Single(model.Indicators, i => i.Indicator.Code == "on_time_rate_766");
        Assert.Equal(100 * numerator / denominator, onTime.Province.Years[0].Value!.Value, precision: 6);
    }

    [Fact]
    public async Task Review_SởCreatedByTheMerger_HasYearsFromItsPredecessors()
    {
        var model = await ReviewAsync();
        await using var c = await fixture.Warehouse.OpenAsync();
        var (numerator, denominator) = await c.QuerySingleAsync<(double, double)>("""
            SELECT SUM(numerator), SUM(denominator) FROM fact_indicator_value
            WHERE agency_code IN ('TNI.STNMT', 'TNI.SNNPTNT', 'LAN.STNMT', 'LAN.SNNPTNT') AND period_code = '2024' AND indicator_code = 'online_rate'
            """);

        var online = Assert.Single(model.Indicators, i => i.Indicator.Code == "online_rate");
        var merged = Assert.Single(online.Units, u => u.Code == "TNI.SNNMT");
        Assert.Equal(100 * numerator / denominator, merged.Years[0].Value!.Value, precision: 6);
    }

    [Fact]
    public async Task Review_PlanTargets_ApplyPerPlanPeriodWithAttainmentPerYear()
    {
        var model = await ReviewAsync();
        var province = Assert.Single(model.Indicators, i => i.Indicator.Code == "on_time_rate_766").Province;

        Assert.Equal([95.0, 95.0, 99.0], province.Years.Select(y => y.Target!.Value));
        var closed = province.Years[0];
        Assert.Equal(closed.Value >= 95 ? ReportStatus.Met : ReportStatus.NotMet, closed.Target!.Status);
        Assert.Equal(100 * closed.Value!.Value / 95, closed.Target.Attainment!.Value, precision: 6);
        Assert.Contains(model.Attainment, a => a.Unit.Code == "TNI.SNV" && a.Indicator.Code == "online_rate"
                                               && a.Unit.Years.Single(y => y.Target is not null).Year == 2025);
        Assert.Contains(model.Attainment, a => a.Unit.Code == "TNI.SYT" && a.Indicator.Code == "index766_progress");
        var html = await Writer.HtmlAsync<ReviewReport>(model);
        Assert.Contains("Mục tiêu 2021–2025", html);
        Assert.Contains("Mục tiêu 2026–2030", html);
        // Plan targets are reference lines: drawn thinner than the province's own line, in the target colour.
        Assert.Contains($"stroke=\"{ReportPalette.TargetLine.ToUpperInvariant()}\" stroke-width=\"1.4\"", html);
    }

    [Fact]
    public async Task Review_Movers_AreTheLargestChangesOfTheLastYearEachWay()
    {
        var model = await ReviewAsync();
        var all = model.Indicators.SelectMany(i => i.Units.Where(u => u.LastChange is not null).Select(u => u.LastChange!.Value)).ToList();

        Assert.Equal(ReviewQuery.MoversListed, model.Improvements.Count);
        Assert.All(model.Improvements, m => Assert.True(m.Change > 0));
        Assert.All(model.Declines, m => Assert.True(m.Change < 0));
        Assert.Equal(all.Max(), model.Improvements[0].Change, precision: 9);
        Assert.Equal(all.Min(), model.Declines[0].Change, precision: 9);
        Assert.Equal(model.Improvements.Select(m => m.Change).OrderDescending(), model.Improvements.Select(m => m.Change));
    }
}
