using System.CommandLine;
using IndicatorWarehouse.Application.Setup;

namespace IndicatorWarehouse.Cli;

/// <summary>Options every command accepts: where the warehouse is, and the zone its data's clock reads.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Db = new("--db")
    {
        Description = $"SQLite warehouse file (default {WarehouseSettings.DefaultDbPath}, or IW_DB)",
        Recursive = true,
    };

    public static readonly Option<string?> Provider = new("--provider")
    {
        Description = "sqlite (default) or sqlserver (or IW_PROVIDER)",
        Recursive = true,
    };

    public static readonly Option<string?> Connection = new("--connection")
    {
        Description = "connection string for --provider sqlserver (or IW_CONNECTION)",
        Recursive = true,
    };

    public static readonly Option<string?> TimeZone = new("--time-zone")
    {
        Description = "the data's time zone, in which every default \"now\" and --as-of is read (default Asia/Ho_Chi_Minh, or IW_TIME_ZONE)",
        Recursive = true,
    };

    public static readonly Option<int?> BusyTimeout = new("--busy-timeout")
    {
        Description = $"seconds to wait for another process's write before failing (default {IndicatorWarehouse.Warehouse.Dialects.Sqlite.SqliteDialect.DefaultBusyTimeoutSeconds}, or IW_BUSY_TIMEOUT)",
        Recursive = true,
    };

    public static void AddTo(RootCommand root)
    {
        Provider.AcceptOnlyFromAmong("sqlite", "sqlserver");
        root.Options.Add(Db);
        root.Options.Add(Provider);
        root.Options.Add(Connection);
        root.Options.Add(TimeZone);
        root.Options.Add(BusyTimeout);
    }

    public static WarehouseSettings Settings(ParseResult parse) =>
        WarehouseSettings.From(parse.GetValue(Provider), parse.GetValue(Db), parse.GetValue(Connection), parse.GetValue(TimeZone),
            parse.GetValue(BusyTimeout));
}
