using IndicatorWarehouse.Domain.Calendar;
using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Dialects.Sqlite;
using IndicatorWarehouse.Warehouse.Dialects.SqlServer;

namespace IndicatorWarehouse.Application.Setup;

/// <summary>Where the warehouse is: <c>--provider</c>/<c>IW_PROVIDER</c> (sqlite by default),
/// <c>--db</c>/<c>IW_DB</c> for the SQLite file, <c>--connection</c>/<c>IW_CONNECTION</c> for SQL Server, and
/// <c>--time-zone</c>/<c>IW_TIME_ZONE</c> for the zone the data's timestamps are written in (Asia/Ho_Chi_Minh by default);
/// <c>--busy-timeout</c>/<c>IW_BUSY_TIMEOUT</c>: how many seconds a command waits for another one's write.</summary>
public sealed record WarehouseSettings(string Provider, string? DbPath, string? Connection)
{
    public const string DefaultDbPath = "data/warehouse.db";

    /// <summary>The data's time zone: every default "now" and as-of is read in it.</summary>
    public string TimeZone { get; init; } = DataClock.DefaultTimeZoneId;

    public int BusyTimeoutSeconds { get; init; } = SqliteDialect.DefaultBusyTimeoutSeconds;

    public static WarehouseSettings From(string? provider, string? dbPath, string? connection, string? timeZone = null,
        int? busyTimeoutSeconds = null) => new(
        (provider ?? Environment.GetEnvironmentVariable("IW_PROVIDER") ?? "sqlite").ToLowerInvariant(),
        dbPath ?? Environment.GetEnvironmentVariable("IW_DB") ?? DefaultDbPath,
        connection ?? Environment.GetEnvironmentVariable("IW_CONNECTION"))
    {
        TimeZone = timeZone ?? Environment.GetEnvironmentVariable(DataClock.TimeZoneVariable) ?? DataClock.DefaultTimeZoneId,
        BusyTimeoutSeconds = busyTimeoutSeconds ?? BusyTimeoutFromEnvironment(),
    };

    /// <param name="time">the time source (the system's unless a test moves a fake one)</param>
    public WarehouseDatabase Open(TimeProvider? time = null)
    {
        var clock = new DataClock(time ?? TimeProvider.System, DataClock.FindZone(TimeZone));
        return Provider switch
        {
            "sqlite" => new WarehouseDatabase(new SqliteDialect(), Connection ?? SqliteDialect.ConnectionStringFor(DbPath!, BusyTimeoutSeconds), clock),
            "sqlserver" => new WarehouseDatabase(new SqlServerDialect(), RequiredConnection(), clock),
            _ => throw new ArgumentException($"Unknown provider '{Provider}': use sqlite or sqlserver."),
        };
    }

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
