using Dapper;
using IndicatorWarehouse.Tests.Support;
using IndicatorWarehouse.Warehouse.Dialects.Sqlite;

namespace IndicatorWarehouse.Tests.Warehouse.Dialects;

/// <summary>SQLite applies a migration with foreign-key enforcement off (so a referenced table can be rebuilt) and
/// checks the keys itself before committing.</summary>
public sealed class SqliteSchemaChangeTests
{
    [Fact]
    public async Task ApplySchemaChange_LeavingARowThatPointsAtNothing_IsRolledBackAndKeysAreEnforcedAgain()
    {
        await using var w = TempWarehouse.Empty();
        await using var c = await w.OpenAsync();
        await c.ExecuteAsync("CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id));");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => new SqliteDialect().ApplySchemaChangeAsync(c, tx =>
            c.ExecuteAsync("INSERT INTO child (id, parent_id) VALUES (1, 42)", transaction: tx)));

        Assert.Contains("child row 1 → parent", refused.Message);
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM child"));
        Assert.Equal(1L, await c.ExecuteScalarAsync<long>("PRAGMA foreign_keys"));
    }

    [Fact]
    public async Task ApplySchemaChange_RebuildingAReferencedTable_KeepsItsRowsAndTheirChildren()
    {
        await using var w = TempWarehouse.Empty();
        await using var c = await w.OpenAsync();
        await c.ExecuteAsync("CREATE TABLE parent (id INTEGER PRIMARY KEY, code TEXT, UNIQUE (code)); " +
            "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id)); " +
            "INSERT INTO parent VALUES (1, 'a'); INSERT INTO child VALUES (1, 1);");

        await new SqliteDialect().ApplySchemaChangeAsync(c, tx => c.ExecuteAsync(
            "CREATE TABLE parent_rebuilt (id INTEGER PRIMARY KEY, code TEXT); INSERT INTO parent_rebuilt SELECT id, code FROM parent; " +
            "DROP TABLE parent; ALTER TABLE parent_rebuilt RENAME TO parent;", transaction: tx));

        await c.ExecuteAsync("INSERT INTO parent VALUES (2, 'a')");
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => c.ExecuteAsync("INSERT INTO child VALUES (2, 99)"));
        Assert.Equal(1L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM child JOIN parent ON parent.id = child.parent_id"));
    }
}
