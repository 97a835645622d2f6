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

    private TempWarehouse()
    {
        System.IO.Directory.CreateDirectory(Directory);
        Database = Settings.Open();
    }

    /// <summary>An empty file, not yet migrated.</summary>
    public static TempWarehouse Empty() => new();

    /// <summary>Migrated, with the shipped reference data loaded (as `iw init`).</summary>
    public static async Task<TempWarehouse> InitializedAsync()
    {
        var warehouse = new TempWarehouse();
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
