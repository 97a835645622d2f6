using System.Data.Common;
using Dapper;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Tests.Support;

namespace IndicatorWarehouse.Tests.Warehouse;

public sealed class SqliteSchemaTests : SchemaTests<SqliteProvider>;
public sealed class SqlServerSchemaTests : SchemaTests<SqlServerProvider>;

public abstract class SchemaTests<TProvider> : WarehouseTests<TProvider> where TProvider : WarehouseProvider, new()
{
    [ProviderFact]
    public async Task Init_Twice_LeavesEveryTableUnchanged()
    {
        await using var warehouse = await InitializedAsync();
        var before = await DumpAsync(warehouse);

        await new InitService(warehouse.Database, ReferenceFiles.Default()).RunAsync();

        var after = await DumpAsync(warehouse);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var table in before.Keys) Assert.True(before[table] == after[table], $"{table} changed on the second init");
    }

    [ProviderFact]
    public async Task Init_LoadsCalendarPeriodsCatalogAgenciesAndLineage()
    {
        await using var warehouse = await InitializedAsync();
        await using var c = await warehouse.OpenAsync();

        // Tết 2026 (17/02) is a holiday; 15/12/2022 opens reporting year 2023 (Kon Tum's Q1/2023 report).
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT is_working_day FROM dim_date WHERE date_key = 20260217"));
        Assert.Equal((2023L, 1L), await c.QuerySingleAsync<(long, long)>("SELECT report_year, report_quarter FROM dim_date WHERE date_key = 20221215"));
        Assert.Equal((20221215L, 20230314L), await c.QuerySingleAsync<(long, long)>("SELECT start_key, end_key FROM dim_period WHERE period_code = 'R2023-Q1'"));
        Assert.True(await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dim_indicator WHERE indicator_code = 'on_time_rate_766'") == 1);
        Assert.Equal("Sở Y tế Tây Ninh", await c.ExecuteScalarAsync<string>("SELECT agency_name FROM dim_agency WHERE agency_code = 'TNI.SYT'"));
        Assert.Equal(1.0, await c.ExecuteScalarAsync<double>("SELECT share FROM agency_lineage WHERE predecessor_code = 'LAN.SYT' AND successor_code = 'TNI.SYT'"));
        Assert.Equal("Bưu chính công ích", await c.ExecuteScalarAsync<string>("SELECT name_vi FROM dim_channel WHERE channel_key = 3"));
    }

    [ProviderFact]
    public async Task Init_CreatesQuartzsTablesIn009AndDropsThemIn015_LeavingNone()
    {
        await using var warehouse = await InitializedAsync();
        await using var c = await warehouse.OpenAsync();

        var tables = (await c.QueryAsync<string>(Provider.TableNamesSql)).Where(t => t.StartsWith("QRTZ_", StringComparison.OrdinalIgnoreCase));
        var applied = await c.QueryAsync<string>("SELECT name FROM etl_schema_version WHERE version IN (9, 15) ORDER BY version");

        Assert.Empty(tables);
        Assert.Equal(["scheduler", "drop_quartz"], applied);
    }

    [ProviderFact]
    public async Task ForeignKeys_AreEnforced()
    {
        await using var warehouse = await InitializedAsync();
        await using var c = await warehouse.OpenAsync();

        var error = await Assert.ThrowsAnyAsync<DbException>(() => c.ExecuteAsync(
            "INSERT INTO fact_indicator_value (agency_code, period_code, indicator_code, numerator, denominator, value, rule_version, build_id) " +
            "VALUES ('TNI.SYT', '2026-10', 'no_such_indicator', 1, 1, 100, 'x', 1)"));
        Assert.Contains("FOREIGN KEY", error.Message);
    }

    [ProviderTheory]
    [InlineData("INSERT INTO dim_agency (agency_code, agency_name, agency_level, valid_from) VALUES ('TNI.SYT', 'x', 'department', '2008-08-01')")]
    [InlineData("INSERT INTO dim_field (field_code) VALUES ('F1'), ('F1')")]
    [InlineData("INSERT INTO dim_procedure (procedure_code) VALUES ('1.005129'), ('1.005129')")]
    [InlineData("INSERT INTO etl_snapshot (source, file_name, file_hash, as_of, loaded_at, code_version) VALUES " +
                "('onestop', 'a', 'h', '2026-05-01T10:00:00', '2026-05-01T10:05:00', 'v'), ('onestop', 'b', 'h', '2026-05-01T10:00:00', '2026-05-01T10:05:00', 'v')")]
    public async Task NaturalKeys_AreUnique(string duplicateInsert)
    {
        await using var warehouse = await InitializedAsync();
        await using var c = await warehouse.OpenAsync();

        var error = await Assert.ThrowsAnyAsync<DbException>(() => c.ExecuteAsync(duplicateInsert));
        Assert.Contains("UNIQUE", error.Message);
    }

    private static async Task<Dictionary<string, string>> DumpAsync(ITestWarehouse warehouse)
    {
        await using var c = await warehouse.OpenAsync();
        var tables = await c.QueryAsync<string>(Provider.TableNamesSql);
        var dump = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            // Sorted here rather than by ORDER BY 1, which leaves ties (e.g. one predecessor, two successors) in no set order.
            var rows = await c.QueryAsync($"SELECT * FROM {table}");
            dump[table] = string.Join('\n', rows.Select(r => string.Join('|', ((IDictionary<string, object?>)r).Values)).Order(StringComparer.Ordinal));
        }
        return dump;
    }
}
