using System.Data.Common;
using Dapper;
using IndicatorWarehouse.Tests.Support;
using IndicatorWarehouse.Warehouse.Migrations;

namespace IndicatorWarehouse.Tests.Warehouse;

/// <summary>What only SQL Server has: schemas behind synonyms, columnstore indexes; and its analyst views, read
/// through the server, against SQLite's.</summary>
public sealed class SqlServerStorageTests : WarehouseTests<SqlServerProvider>
{
    [ProviderFact]
    public async Task Migrate_EveryFlatTableNameOfSqlite_IsASynonymForATableInEtlDimOrFact()
    {
        await using var sqlite = TempWarehouse.Empty();
        await using var sqliteConnection = await MigratedAsync(sqlite);
        await using var warehouse = await EmptyAsync();
        await using var connection = await MigratedAsync(warehouse);

        var sqliteTables = await sqliteConnection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table'");
        var synonyms = (await connection.QueryAsync<(string Name, string? Schema)>(
                "SELECT name, OBJECT_SCHEMA_NAME(OBJECT_ID(base_object_name, 'U')) FROM sys.synonyms WHERE schema_id = SCHEMA_ID('dbo')"))
            .ToDictionary(s => s.Name, s => s.Schema);

        Assert.Equal(sqliteTables.Order(StringComparer.Ordinal), synonyms.Keys.Order(StringComparer.Ordinal));
        Assert.All(synonyms, s => Assert.Contains(s.Value, new[] { "etl", "dim", "fact" }));
    }

    [ProviderFact]
    public async Task Migrate_EveryAnalystView_HasTheColumnsOfItsSqliteCounterpartInTheSameOrder()
    {
        await using var sqlite = TempWarehouse.Empty();
        await using var sqliteConnection = await MigratedAsync(sqlite);
        await using var warehouse = await EmptyAsync();
        await using var connection = await MigratedAsync(warehouse);

        var views = (await sqliteConnection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name")).ToList();

        Assert.NotEmpty(views);
        foreach (var view in views)
            Assert.Equal(await ColumnsAsync(sqliteConnection, view), await ColumnsAsync(connection, view));
    }

    [ProviderFact]
    public async Task Migrate_Facts_UseColumnstoreWhereTheyAreScanned()
    {
        await using var warehouse = await EmptyAsync();
        await using var connection = await MigratedAsync(warehouse);

        const string indexTypes = "SELECT type_desc FROM sys.indexes WHERE object_id = OBJECT_ID(@table) ORDER BY index_id";
        var periodic = (await connection.QueryAsync<string>(indexTypes, new { table = "fact.indicator_value" })).ToList();
        var accumulating = (await connection.QueryAsync<string>(indexTypes, new { table = "fact.dossier" })).ToList();

        Assert.Equal("CLUSTERED COLUMNSTORE", periodic[0]);
        Assert.Equal("CLUSTERED", accumulating[0]);
        Assert.Contains("NONCLUSTERED COLUMNSTORE", accumulating);
    }

    private static async Task<DbConnection> MigratedAsync(ITestWarehouse warehouse)
    {
        var connection = await warehouse.OpenAsync();
        await new MigrationRunner(warehouse.Database.Dialect).MigrateAsync(connection);
        return connection;
    }

    private static async Task<List<string>> ColumnsAsync(DbConnection connection, string view)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {view} WHERE 1 = 0";
        await using var reader = await command.ExecuteReaderAsync();
        return Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
    }
}
