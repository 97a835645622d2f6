using System.Data.Common;
using Dapper;

namespace IndicatorWarehouse.Warehouse.Queries;

/// <summary>What the loaded snapshots say about how fresh the data is.</summary>
public static class SnapshotQueries
{
    /// <summary>The as-of moment of the latest snapshot of <paramref name="source"/> still in force, or null when none
    /// was loaded. SQLite keeps it as ISO text, SQL Server as datetime2: both come back as a DateTime.</summary>
    public static async Task<DateTime?> LatestAsOfAsync(DbConnection connection, string source) =>
        await connection.ExecuteScalarAsync<DateTime?>(
            "SELECT MAX(as_of) FROM etl_snapshot WHERE source = @source AND reverted_at IS NULL", new { source });
}
