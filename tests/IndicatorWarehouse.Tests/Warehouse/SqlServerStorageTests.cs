using Dapper;
using IndicatorWarehouse.Tests.Support;
using IndicatorWarehouse.Warehouse.Migrations;

namespace IndicatorWarehouse.Tests.Warehouse;

/// <summary>What only SQL Server has: schemas behind synonyms, columnstore indexes.</summary>
public sealed class SqlServerStorageTests : WarehouseTests<SqlServerProvider>
{
    [ProviderFact]
    public async Task Migrate_EveryFlatTableNameOfSqlite_IsASynonymForATableInEtlDimOrFact()
    {
        await using var sqlite = TempWarehouse.Empty();
        await using var sqliteConnection = await sqlite.OpenAsync();
        await new MigrationRunner(sqlite.Database.Dialect).MigrateAsync(sqliteConnection);
        await using var warehouse = await EmptyAsync();
        await using var connection = await warehouse.OpenAsync();
        await new MigrationRunner(warehouse.Database.Dialect).MigrateAsync(connection);

        var sqliteTables = await sqliteConnection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table'");
        var synonyms = (await connection.QueryAsync<(string Name, string? Schema)>(
                "SELECT name, OBJECT_SCHEMA_NAME(OBJECT_ID(base_object_name, 'U')) FROM sys.synonyms WHERE schema_id = SCHEMA_ID('dbo')"))
            .ToDictionary(s => s.Name, s => s.Schema);

        Assert.Equal(sqliteTables.Order(StringComparer.Ordinal), synonyms.Keys.Order(StringComparer.Ordinal));
        Assert.All(synonyms, s => Assert.Contains(s.Value, new[] { "etl", "dim", "fact" }));
    }

    [ProviderFact]
    public async Task Migrate_Facts_UseColumnstoreWhereTheyAreScanned()
    {
        await using var warehouse = await EmptyAsync();
        await using var connection = await warehouse.OpenAsync();
        await new MigrationRunner(warehouse.Database.Dialect).MigrateAsync(connection);

        const string indexTypes = "SELECT type_desc FROM sys.indexes WHERE object_id = OBJECT_ID(@table) ORDER BY index_id";
        var periodic = (await connection.QueryAsync<string>(indexTypes, new { table = "fact.indicator_value" })).ToList();
        var accumulating = (await connection.QueryAsync<string>(indexTypes, new { table = "fact.dossier" })).ToList();

        Assert.Equal("CLUSTERED COLUMNSTORE", periodic[0]);
        Assert.Equal("CLUSTERED", accumulating[0]);
        Assert.Contains("NONCLUSTERED COLUMNSTORE", accumulating);
    }
}
