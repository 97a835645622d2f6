using IndicatorWarehouse.Tests.Support;
using IndicatorWarehouse.Warehouse.Dialects;
using IndicatorWarehouse.Warehouse.Queries;

namespace IndicatorWarehouse.Tests.Warehouse;

public sealed class AdHocQueryTests
{
    [Theory]
    [InlineData("DELETE FROM dim_date")]
    [InlineData("DROP TABLE dim_date")]
    [InlineData("UPDATE dim_agency SET agency_name = 'x'")]
    [InlineData("ATTACH DATABASE 'other.db' AS other")]
    [InlineData("PRAGMA writable_schema = 1")]
    [InlineData("CREATE TEMP TABLE t (x)")]
    [InlineData("WITH x AS (SELECT 1) DELETE FROM dim_date")]
    [InlineData("SELECT 1; DELETE FROM dim_date")]
    [InlineData("SELECT 1; SELECT 2")]
    public async Task Run_AnythingButOneRead_IsRefusedAndChangesNothing(string sql)
    {
        await using var warehouse = await TempWarehouse.InitializedAsync();
        var query = new AdHocQuery(warehouse.Database);
        var before = (await query.RunAsync("SELECT COUNT(*) FROM dim_date")).Rows[0][0];

        await Assert.ThrowsAsync<ReadOnlyViolationException>(() => query.RunAsync(sql));

        Assert.Equal(before, (await query.RunAsync("SELECT COUNT(*) FROM dim_date")).Rows[0][0]);
    }

    [Fact]
    public async Task Run_Select_ReturnsColumnsAndRows()
    {
        await using var warehouse = await TempWarehouse.InitializedAsync();

        var result = await new AdHocQuery(warehouse.Database).RunAsync(
            "SELECT channel_key, name_vi FROM dim_channel ORDER BY channel_key -- trailing comment");

        Assert.Equal(["channel_key", "name_vi"], result.Columns);
        Assert.Equal("Trực tuyến", result.Rows[1][1]);
    }
}
