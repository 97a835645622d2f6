using Dapper;
using IndicatorWarehouse.Tests.Support;
using IndicatorWarehouse.Warehouse.Dialects.Sqlite;
using Microsoft.Data.Sqlite;

namespace IndicatorWarehouse.Tests.Warehouse.Dialects;

/// <summary>A new warehouse file gets the larger page size; a file made before keeps its own and still opens and
/// takes writes (the pragma only applies before a file's first write).</summary>
public sealed class SqlitePageSizeTests
{
    [Fact]
    public async Task NewWarehouse_IsCreatedWithTheLargerPages_InWalMode()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        await using var c = await w.OpenAsync();

        Assert.Equal(SqliteDialect.PageSize, await c.ExecuteScalarAsync<long>("PRAGMA page_size"));
        Assert.Equal("wal", await c.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
    }

    // WAL: a warehouse made before; delete: a restored backup, which is one rollback-journal file.
    [Theory]
    [InlineData("WAL")]
    [InlineData("DELETE")]
    public async Task ExistingWarehouseWithDefaultPages_KeepsThemAndTakesWrites(string journalMode)
    {
        await using var w = TempWarehouse.Empty();
        await using (var plain = new SqliteConnection($"Data Source={w.DbPath};Pooling=False"))
        {
            await plain.OpenAsync();
            await plain.ExecuteAsync($"PRAGMA journal_mode={journalMode}; CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT);");
        }

        await using var c = await w.OpenAsync();
        await c.ExecuteAsync("INSERT INTO t (v) SELECT 'x' FROM (SELECT 1 UNION ALL SELECT 2)");

        Assert.Equal(4096L, await c.ExecuteScalarAsync<long>("PRAGMA page_size"));
        Assert.Equal(2L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM t"));
        Assert.Equal("ok", await c.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
    }
}
