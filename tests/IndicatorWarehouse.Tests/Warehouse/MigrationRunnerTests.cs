using Dapper;
using IndicatorWarehouse.Tests.Support;
using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Dialects.Sqlite;
using IndicatorWarehouse.Warehouse.Migrations;

namespace IndicatorWarehouse.Tests.Warehouse;

public sealed class MigrationRunnerTests
{
    [Fact]
    public async Task Migrate_EmptyFile_AppliesEveryScriptInOrderAndRecordsIt()
    {
        await using var warehouse = TempWarehouse.Empty();
        await using var connection = await warehouse.OpenAsync();

        var report = await new MigrationRunner(new SqliteDialect()).MigrateAsync(connection);

        var expected = SqlScripts.Migrations("sqlite").Select(m => $"{m.Version:000}_{m.Name}").ToList();
        Assert.Equal(expected, report.Applied);
        Assert.Equal(expected.Count, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM etl_schema_version"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'fact_dossier'"));
    }

    [Fact]
    public async Task Migrate_Twice_SecondRunAppliesNothing()
    {
        await using var warehouse = TempWarehouse.Empty();
        await using var connection = await warehouse.OpenAsync();
        var runner = new MigrationRunner(new SqliteDialect());
        await runner.MigrateAsync(connection);

        var second = await runner.MigrateAsync(connection);

        Assert.Empty(second.Applied);
        Assert.Equal(SqlScripts.Migrations("sqlite").Count, second.AlreadyApplied);
    }

    [Fact]
    public async Task Migrate_AppliedScriptEditedLater_Refuses()
    {
        await using var warehouse = TempWarehouse.Empty();
        await using var connection = await warehouse.OpenAsync();
        var runner = new MigrationRunner(new SqliteDialect());
        await runner.MigrateAsync(connection);
        await connection.ExecuteAsync("UPDATE etl_schema_version SET checksum = 'tampered' WHERE version = 1");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => runner.MigrateAsync(connection));

        Assert.Contains("001_etl", error.Message);
    }

    [Fact]
    public void Migrations_AreNumberedWithoutGaps()
    {
        var versions = SqlScripts.Migrations("sqlite").Select(m => m.Version).ToList();
        Assert.Equal(Enumerable.Range(1, versions.Count), versions);
    }
}
