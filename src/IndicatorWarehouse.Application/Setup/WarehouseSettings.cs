using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Dialects.Sqlite;
using IndicatorWarehouse.Warehouse.Dialects.SqlServer;

namespace IndicatorWarehouse.Application.Setup;

/// <summary>Where the warehouse is: <c>--provider</c>/<c>IW_PROVIDER</c> (sqlite by default),
/// <c>--db</c>/<c>IW_DB</c> for the SQLite file, <c>--connection</c>/<c>IW_CONNECTION</c> for SQL Server, and
/// <c>--busy-timeout</c>/<c>IW_BUSY_TIMEOUT</c>: how many seconds a command waits for another one's write.</summary>
public sealed record WarehouseSettings(string Provider, string? DbPath, string? Connection)
{
    public const string DefaultDbPath = "data/warehouse.db";

    public int BusyTimeoutSeconds { get; init; } = SqliteDialect.DefaultBusyTimeoutSeconds;

    public static WarehouseSettings From(string? provider, string? dbPath, string? connection, int? busyTimeoutSeconds = null) => new(
        (provider ?? Environment.GetEnvironmentVariable("IW_PROVIDER") ?? "sqlite").ToLowerInvariant(),
        dbPath ?? Environment.GetEnvironmentVariable("IW_DB") ?? DefaultDbPath,
        connection ?? Environment.GetEnvironmentVariable("IW_CONNECTION"))
    {
        BusyTimeoutSeconds = busyTimeoutSeconds ?? BusyTimeoutFromEnvironment(),
    };

    public WarehouseDatabase Open() => Provider switch
    {
        "sqlite" => new WarehouseDatabase(new SqliteDialect(), Connection ?? SqliteDialect.ConnectionStringFor(DbPath!, BusyTimeoutSeconds)),
        "sqlserver" => new WarehouseDatabase(new SqlServerDialect(), RequiredConnection()),
        _ => throw new ArgumentException($"Unknown provider '{Provider}': use sqlite or sqlserver."),
    };

    /// <summary>What to show a person as "the warehouse" (never the password of a connection string).</summary>
    public string Describe() => Provider == "sqlite" ? Path.GetFullPath(DbPath!) : SqlServerDialect.Describe(RequiredConnection());

    private static int BusyTimeoutFromEnvironment() =>
        Environment.GetEnvironmentVariable("IW_BUSY_TIMEOUT") is { } text
            ? int.TryParse(text, out var seconds) && seconds > 0 ? seconds
                : throw new ArgumentException($"IW_BUSY_TIMEOUT '{text}' is not a whole number of seconds above 0.")
            : SqliteDialect.DefaultBusyTimeoutSeconds;

    private string RequiredConnection() => string.IsNullOrWhiteSpace(Connection)
        ? throw new ArgumentException("The sqlserver provider needs a connection string: pass --connection or set IW_CONNECTION, " +
            "e.g. \"Server=db01;Database=iw;User ID=iw_loader;Password=...;Encrypt=True\" (see sql/sqlserver/README.md).")
        : Connection;
}
