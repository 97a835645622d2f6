using Dapper;
using IndicatorWarehouse.Application.DrillDown;
using IndicatorWarehouse.Application.Setup;

namespace IndicatorWarehouse.Tests.Application;

public sealed class DrillDownTests(SyntheticProvinceFixture province) : IClassFixture<SyntheticProvinceFixture>
{
    [Theory]
    [InlineData("2025-10")]
    [InlineData("2026-Q2")]
    [InlineData("R2025-12")]
    public async Task For_EveryIndicatorOfEveryUnit_RowsAddUpToTheBuiltNumeratorAndDenominator(string period)
    {
        var service = new DrillDownService(province.Warehouse.Database, ReferenceFiles.Default());
        await using var c = await province.Warehouse.OpenAsync();
        var built = (await c.QueryAsync<(string Agency, string Indicator, double? Num, double? Den)>(
                "SELECT agency_code, indicator_code, numerator, denominator FROM fact_indicator_value WHERE period_code = @period", new { period }))
            .Where(v => DrillDownService.Indicators.Contains(v.Indicator)).ToList();

        Assert.True(built.Count > 100, $"only {built.Count} values to check");
        foreach (var v in built)
        {
            var drill = await service.ForAsync(v.Agency, period, v.Indicator);
            Assert.True(v.Num == drill.Numerator, $"{v.Agency} {v.Indicator}: numerator {v.Num} built, {drill.Numerator} listed");
            Assert.True(v.Den == drill.Denominator, $"{v.Agency} {v.Indicator}: denominator {v.Den} built, {drill.Denominator} listed");
        }
    }

    [Fact]
    public async Task For_LateDossiers_SayWhyTheyAreLate()
    {
        await using var c = await province.Warehouse.OpenAsync();
        var (agency, period) = await c.QuerySingleAsync<(string, string)>("""
            SELECT v.agency_code, v.period_code FROM fact_indicator_value v JOIN dim_period p ON p.period_code = v.period_code
            WHERE v.indicator_code = 'processed_late' AND v.numerator > 0 AND p.grain = 'M' ORDER BY v.numerator DESC, v.period_code LIMIT 1
            """);

        var drill = await new DrillDownService(province.Warehouse.Database, ReferenceFiles.Default()).ForAsync(agency, period, "processed_late");

        Assert.NotEmpty(drill.Rows);
        Assert.All(drill.Rows, r => Assert.StartsWith("Quá hạn", r.Reason));
    }

    [Fact]
    public async Task WriteXlsx_ListsEveryRowWithItsReason()
    {
        await using var c = await province.Warehouse.OpenAsync();
        var agency = await c.ExecuteScalarAsync<string>(
            "SELECT agency_code FROM fact_indicator_value WHERE period_code = '2025-10' AND indicator_code = 'received_total' ORDER BY numerator DESC LIMIT 1");
        var drill = await new DrillDownService(province.Warehouse.Database, ReferenceFiles.Default()).ForAsync(agency!, "2025-10", "on_time_rate_766");

        using var stream = new MemoryStream();
        DrillDownFiles.WriteXlsx(drill, stream);
        stream.Position = 0;
        var grid = IndicatorWarehouse.Tests.Support.XlsxGrid.Read(stream);

        Assert.Equal("Mã hồ sơ / PAKN", grid[3][1]);
        var listed = grid.Skip(4).Where(r => r[1] is not null).ToList();
        Assert.Equal(drill.Denominator, listed.Count);
        Assert.Equal(drill.Numerator, listed.Count(r => (string?)r[5] == "Có"));
        Assert.All(listed, r => Assert.False(string.IsNullOrEmpty(r[6] as string)));
    }
}
