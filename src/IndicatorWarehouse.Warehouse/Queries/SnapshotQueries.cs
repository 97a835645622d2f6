using System.Data.Common;
using Dapper;

namespace IndicatorWarehouse.Warehouse.Queries;

/// <summary>What the loaded snapshots say about how fresh the data is.</summary>
public static class SnapshotQueries
{
    /// <summary>The sources that are measured as of a moment: one-stop dossiers, PAKN and digitization. Targets and
    /// figures reported by hand carry no clock: loading them never closes or opens a period.</summary>
    public const string MeasuredSourcesSql = "('onestop', 'pakn', 'digitization')";

    /// <summary>The as-of moment of the latest snapshot of <paramref name="source"/> still in force, or null when none
    /// was loaded. SQLite keeps it as ISO text, SQL Server as datetime2: both come back as a DateTime.</summary>
    public static async Task<DateTime?> LatestAsOfAsync(DbConnection connection, string source) =>
        await connection.ExecuteScalarAsync<DateTime?>(
            "SELECT MAX(as_of) FROM etl_snapshot WHERE source = @source AND reverted_at IS NULL", new { source });

    /// <summary>The data's as-of: the latest as-of of the measured sources still in force, or null when none was
    /// loaded. A period ending on or after it is still open; no period starting after it is built.</summary>
    public static async Task<DateTime?> DataAsOfAsync(DbConnection connection, DbTransaction? tx = null) =>
        await connection.ExecuteScalarAsync<DateTime?>(
            $"SELECT MAX(as_of) FROM etl_snapshot WHERE source IN {MeasuredSourcesSql} AND reverted_at IS NULL", transaction: tx);
}
