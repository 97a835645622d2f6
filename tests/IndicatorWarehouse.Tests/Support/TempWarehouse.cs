using System.Data.Common;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Warehouse;

namespace IndicatorWarehouse.Tests.Support;

/// <summary>A real SQLite warehouse file in a fresh temporary folder, deleted afterwards.</summary>
public sealed class TempWarehouse : ITestWarehouse
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "iw-test-" + Guid.NewGuid().ToString("N")[..12]);
    public string DbPath => Path.Combine(Directory, "warehouse.db");
    public WarehouseSettings Settings => WarehouseSettings.From("sqlite", DbPath, null);
    public WarehouseDatabase Database { get; }

    private TempWarehouse(TimeProvider? time = null)
    {
        System.IO.Directory.CreateDirectory(Directory);
        Database = Settings.Open(time);
    }

    /// <summary>An empty file, not yet migrated.</summary>
    public static TempWarehouse Empty() => new();

    /// <summary>Migrated, with the shipped reference data loaded (as `iw init`).</summary>
    /// <param name="time">the time its data clock reads (a fake one a test moves; the system's by default)</param>
    public static async Task<TempWarehouse> InitializedAsync(TimeProvider? time = null)
    {
        var warehouse = new TempWarehouse(time);
        await new InitService(warehouse.Database, ReferenceFiles.Default()).RunAsync();
        return warehouse;
    }

    public Task<DbConnection> OpenAsync() => Database.OpenAsync();

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
