using Dapper;
using IndicatorWarehouse.Tests.Support;
using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Migrations;

namespace IndicatorWarehouse.Tests.Warehouse;

public sealed class SqliteMigrationRunnerTests : MigrationRunnerTests<SqliteProvider>;
public sealed class SqlServerMigrationRunnerTests : MigrationRunnerTests<SqlServerProvider>;

public abstract class MigrationRunnerTests<TProvider> : WarehouseTests<TProvider> where TProvider : WarehouseProvider, new()
{
    [ProviderFact]
    public async Task Migrate_EmptyDatabase_AppliesEveryScriptInOrderAndRecordsIt()
    {
        await using var warehouse = await EmptyAsync();
        await using var connection = await warehouse.OpenAsync();

        var report = await new MigrationRunner(warehouse.Database.Dialect).MigrateAsync(connection);

        var expected = SqlScripts.Migrations(warehouse.Database.Dialect.Name).Select(m => $"{m.Version:000}_{m.Name}").ToList();
        Assert.Equal(expected, report.Applied);
        Assert.Equal(expected.Count, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM etl_schema_version"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM fact_dossier"));
    }

    [ProviderFact]
    public async Task Migrate_Twice_SecondRunAppliesNothing()
    {
        await using var warehouse = await EmptyAsync();
        await using var connection = await warehouse.OpenAsync();
        var runner = new MigrationRunner(warehouse.Database.Dialect);
        await runner.MigrateAsync(connection);

        var second = await runner.MigrateAsync(connection);

        Assert.Empty(second.Applied);
        Assert.Equal(SqlScripts.Migrations(warehouse.Database.Dialect.Name).Count, second.AlreadyApplied);
    }

    [ProviderFact]
    public async Task Migrate_AppliedScriptEditedLater_Refuses()
    {
        await using var warehouse = await EmptyAsync();
        await using var connection = await warehouse.OpenAsync();
        var runner = new MigrationRunner(warehouse.Database.Dialect);
        await runner.MigrateAsync(connection);
        await connection.ExecuteAsync("UPDATE etl_schema_version SET checksum = 'tampered' WHERE version = 1");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => runner.MigrateAsync(connection));

        Assert.Contains("001_etl", error.Message);
    }

    [ProviderFact]
    public async Task Migrations_AreNumberedWithoutGaps()
    {
        await using var warehouse = await EmptyAsync();

        var versions = SqlScripts.Migrations(warehouse.Database.Dialect.Name).Select(m => m.Version).ToList();

        Assert.Equal(Enumerable.Range(1, versions.Count), versions);
    }
}
