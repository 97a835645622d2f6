using Dapper;
using IndicatorWarehouse.Tests.Support;

namespace IndicatorWarehouse.Tests.Warehouse;

public sealed class SqliteBulkInsertTests : BulkInsertTests<SqliteProvider>;
public sealed class SqlServerBulkInsertTests : BulkInsertTests<SqlServerProvider>;

public abstract class BulkInsertTests<TProvider> : WarehouseTests<TProvider> where TProvider : WarehouseProvider, new()
{
    // Deliberately not in the table's column order: columns are matched by name.
    private static readonly string[] Columns = ["reason", "snapshot_id", "source", "file_name", "line_no", "record_key", "field", "raw_record", "created_at"];

    [ProviderFact]
    public async Task BulkInsert_Committed_StoresEveryRowWithItsNulls()
    {
        await using var warehouse = await InitializedAsync();
        await using var c = await warehouse.OpenAsync();
        var snapshot = await InsertSnapshotAsync(c);

        await using (var tx = await c.BeginTransactionAsync())
        {
            await WriteAsync(warehouse.Database.Dialect, c, tx, Rows(snapshot, 1000));
            await tx.CommitAsync();
        }

        Assert.Equal(1000, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM etl_quarantine"));
        Assert.Equal(500, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM etl_quarantine WHERE record_key IS NULL"));
        Assert.Equal(("ngày không hợp lệ 7", 8L), await c.QuerySingleAsync<(string, long)>(
            "SELECT reason, line_no FROM etl_quarantine WHERE record_key = 'HS-7'"));
    }

    [ProviderFact]
    public async Task BulkInsert_RolledBack_LeavesNothing()
    {
        await using var warehouse = await InitializedAsync();
        await using var c = await warehouse.OpenAsync();
        var snapshot = await InsertSnapshotAsync(c);

        await using (var tx = await c.BeginTransactionAsync())
        {
            await WriteAsync(warehouse.Database.Dialect, c, tx, Rows(snapshot, 10));
            await tx.RollbackAsync();
        }

        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM etl_quarantine"));
    }

    /// <summary>Writes through one reused array, as the snapshot loader does: the writer must not keep a reference to it.</summary>
    private static async Task WriteAsync(IndicatorWarehouse.Warehouse.Dialects.ISqlDialect dialect, System.Data.Common.DbConnection c,
        System.Data.Common.DbTransaction tx, IEnumerable<object?[]> rows)
    {
        await using var writer = dialect.CreateBulkWriter(c, tx, "etl_quarantine", Columns);
        var reused = new object?[Columns.Length];
        foreach (var row in rows)
        {
            row.CopyTo(reused, 0);
            await writer.WriteAsync(reused);
        }
        await writer.CompleteAsync();
    }

    private static async Task<long> InsertSnapshotAsync(System.Data.Common.DbConnection c)
    {
        await c.ExecuteAsync("INSERT INTO etl_snapshot (source, file_name, file_hash, as_of, loaded_at, code_version) " +
                             "VALUES ('onestop', 'mot-cua.csv', 'abc', '2026-05-01T10:00:00', '2026-05-01T10:05:00', 'test')");
        return await c.ExecuteScalarAsync<long>("SELECT snapshot_id FROM etl_snapshot WHERE source = 'onestop' AND file_hash = 'abc'");
    }

    private static IEnumerable<object?[]> Rows(long snapshot, int count) => Enumerable.Range(0, count).Select(i => new object?[]
    {
        $"ngày không hợp lệ {i}", snapshot, "onestop", "mot-cua.csv", i + 1, i % 2 == 0 ? null : $"HS-{i}", "received_at", "{}",
        new DateTime(2026, 5, 1, 10, 5, 0),
    });
}
