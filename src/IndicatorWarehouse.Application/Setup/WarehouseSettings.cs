using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Dialects.Sqlite;

namespace IndicatorWarehouse.Application.Setup;

/// <summary>Where the warehouse is: <c>--provider</c>/<c>IW_PROVIDER</c> (sqlite by default),
/// <c>--db</c>/<c>IW_DB</c> for the SQLite file, <c>--connection</c>/<c>IW_CONNECTION</c> for SQL Server.</summary>
public sealed record WarehouseSettings(string Provider, string? DbPath, string? Connection)
{
    public const string DefaultDbPath = "data/warehouse.db";

    public static WarehouseSettings From(string? provider, string? dbPath, string? connection) => new(
        (provider ?? Environment.GetEnvironmentVariable("IW_PROVIDER") ?? "sqlite").ToLowerInvariant(),
        dbPath ?? Environment.GetEnvironmentVariable("IW_DB") ?? DefaultDbPath,
        connection ?? Environment.GetEnvironmentVariable("IW_CONNECTION"));

    public WarehouseDatabase Open() => Provider switch
    {
        "sqlite" => new WarehouseDatabase(new SqliteDialect(), Connection ?? SqliteDialect.ConnectionStringFor(DbPath!)),
        "sqlserver" => throw new NotSupportedException("The SQL Server provider is not yet available in this build."),
        _ => throw new ArgumentException($"Unknown provider '{Provider}': use sqlite or sqlserver."),
    };

    /// <summary>What to show a person as "the warehouse" (never the password of a connection string).</summary>
    public string Describe() => Provider == "sqlite" ? Path.GetFullPath(DbPath!) : "SQL Server";
}
