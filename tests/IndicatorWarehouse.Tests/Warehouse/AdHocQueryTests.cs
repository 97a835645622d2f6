using IndicatorWarehouse.Tests.Support;
using IndicatorWarehouse.Warehouse.Dialects;
using IndicatorWarehouse.Warehouse.Queries;

namespace IndicatorWarehouse.Tests.Warehouse;

public sealed class SqliteAdHocQueryTests : AdHocQueryTests<SqliteProvider>
{
    [ProviderTheory]
    [InlineData("ATTACH DATABASE 'other.db' AS other")]
    [InlineData("PRAGMA writable_schema = 1")]
    [InlineData("CREATE TEMP TABLE t (x)")]
    public Task Run_SqliteStatementThatChangesSettings_IsRefused(string sql) => AssertRefusedAndNothingChangedAsync(sql);
}

public sealed class SqlServerAdHocQueryTests : AdHocQueryTests<SqlServerProvider>
{
    [ProviderTheory]
    [InlineData("SELECT 1 SELECT 2")]
    [InlineData("SELECT 1 DELETE FROM dim_date")]
    [InlineData("SELECT * INTO #copy FROM dim_date")]
    [InlineData("EXEC sp_rename 'dim.date', 'x'")]
    [InlineData("SELECT * FROM OPENROWSET(BULK 'C:\\Windows\\win.ini', SINGLE_CLOB) AS f")]
    [InlineData("SELECT * FROM dim_date WITH (TABLOCKX)")]
    [InlineData("DECLARE @n int = 1")]
    [InlineData("SET LOCK_TIMEOUT 0")]
    public Task Run_SqlServerStatementThatWritesOrRunsCode_IsRefused(string sql) => AssertRefusedAndNothingChangedAsync(sql);

    [ProviderFact]
    public async Task Run_StatementTheServerCannotCompile_IsRefusedWithTheServersReason()
    {
        await using var warehouse = await InitializedAsync();

        var error = await Assert.ThrowsAsync<ReadOnlyViolationException>(() => new AdHocQuery(warehouse.Database).RunAsync("SELECT * FROM no_such_table"));

        Assert.Contains("no_such_table", error.Message);
    }
}

public abstract class AdHocQueryTests<TProvider> : WarehouseTests<TProvider> where TProvider : WarehouseProvider, new()
{
    [ProviderTheory]
    [InlineData("DELETE FROM dim_date")]
    [InlineData("DROP TABLE dim_date")]
    [InlineData("UPDATE dim_agency SET agency_name = 'x'")]
    [InlineData("WITH x AS (SELECT 1 AS n) DELETE FROM dim_date")]
    [InlineData("SELECT 1; DELETE FROM dim_date")]
    [InlineData("SELECT 1; SELECT 2")]
    [InlineData("-- only a comment")]
    public Task Run_AnythingButOneRead_IsRefusedAndChangesNothing(string sql) => AssertRefusedAndNothingChangedAsync(sql);

    [ProviderFact]
    public async Task Run_Select_ReturnsColumnsAndRows()
    {
        await using var warehouse = await InitializedAsync();

        var result = await new AdHocQuery(warehouse.Database).RunAsync(
            "SELECT channel_key, name_vi FROM dim_channel ORDER BY channel_key -- trailing comment");

        Assert.Equal(["channel_key", "name_vi"], result.Columns);
        Assert.Equal("Trực tuyến", result.Rows[1][1]);
    }

    [ProviderFact]
    public async Task Run_CommonTableExpressionWithUnion_ReturnsEveryRow()
    {
        await using var warehouse = await InitializedAsync();

        var result = await new AdHocQuery(warehouse.Database).RunAsync(
            "WITH c AS (SELECT channel_code FROM dim_channel WHERE channel_key < 3) " +
            "SELECT channel_code FROM c UNION ALL SELECT 'delete; drop' ORDER BY channel_code;");

        Assert.Equal(["delete; drop", "in_person", "online"], result.Rows.Select(r => (string)r[0]!));
    }

    protected static async Task AssertRefusedAndNothingChangedAsync(string sql)
    {
        await using var warehouse = await InitializedAsync();
        var query = new AdHocQuery(warehouse.Database);
        var before = (await query.RunAsync("SELECT COUNT(*) FROM dim_date")).Rows[0][0];

        await Assert.ThrowsAsync<ReadOnlyViolationException>(() => query.RunAsync(sql));

        Assert.Equal(before, (await query.RunAsync("SELECT COUNT(*) FROM dim_date")).Rows[0][0]);
    }
}
