using Dapper;
using IndicatorWarehouse.Application.Setup;

namespace IndicatorWarehouse.Tests.Faults;

/// <summary>What must hold of a warehouse after any failure, and how two warehouses are compared row for row.</summary>
internal static class WarehouseChecks
{
    /// <summary>The dossier columns a load writes, snapshot ids aside (they number loads, not content).</summary>
    private const string DossierColumns = "dossier_code, agency_key, procedure_key, channel_key, applicant_type, received_at, due_at, " +
        "finished_at, returned_at, status, fee_amount, paid_online, supplement_requests, supplement_wait_days, apology_issued, late_reason, " +
        "citizen_rating, received_date_key, end_date_key, deadline_date_key, outcome, overdue_from_key, is_withdrawn, source_as_of";

    private const string ValueColumns = "agency_code, period_code, indicator_code, numerator, denominator, value";

    private static Task<System.Data.Common.DbConnection> OpenAsync(string db) => WarehouseSettings.From("sqlite", db, null).Open().OpenAsync();

    public static async Task<long> ScalarAsync(string db, string sql)
    {
        await using var c = await OpenAsync(db);
        return await c.ExecuteScalarAsync<long>(sql);
    }

    /// <summary>SQLite finds no damage, and every snapshot recorded is whole: its counts add up to the facts there are.</summary>
    public static async Task AssertConsistentAsync(string db)
    {
        await using var c = await OpenAsync(db);
        Assert.Equal("ok", await c.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM pragma_foreign_key_check"));
        Assert.Equal(await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM fact_dossier"),
            await c.ExecuteScalarAsync<long>("SELECT COALESCE(SUM(rows_inserted), 0) FROM etl_snapshot WHERE source = 'onestop'"));
        Assert.Equal(0, await c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM etl_snapshot s WHERE s.rows_read = 0 OR NOT EXISTS " +
            "(SELECT 1 FROM fact_dossier d WHERE d.first_snapshot_id = s.snapshot_id OR d.last_snapshot_id = s.snapshot_id)"));
    }

    /// <summary>Rows of <paramref name="table"/> (over <paramref name="columns"/>) in one warehouse and not the other, both ways.</summary>
    public static async Task<long> DifferingRowsAsync(string a, string b, string table, string columns)
    {
        await using var c = await OpenAsync(a);
        await c.ExecuteAsync("ATTACH DATABASE @path AS other", new { path = b });
        return await c.ExecuteScalarAsync<long>(
            $"SELECT (SELECT COUNT(*) FROM (SELECT {columns} FROM main.{table} EXCEPT SELECT {columns} FROM other.{table})) + " +
            $"(SELECT COUNT(*) FROM (SELECT {columns} FROM other.{table} EXCEPT SELECT {columns} FROM main.{table}))");
    }

    public static Task<long> DifferingDossiersAsync(string a, string b) => DifferingRowsAsync(a, b, "fact_dossier", DossierColumns);

    public static Task<long> DifferingValuesAsync(string a, string b) => DifferingRowsAsync(a, b, "fact_indicator_value", ValueColumns);
}
