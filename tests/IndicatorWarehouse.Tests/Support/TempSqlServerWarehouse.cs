using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Warehouse;
using Microsoft.Data.SqlClient;

namespace IndicatorWarehouse.Tests.Support;

/// <summary>A uniquely named, empty database on the test server, dropped afterwards.</summary>
public sealed class TempSqlServerWarehouse : ITestWarehouse
{
    private readonly string _serverConnection;

    private TempSqlServerWarehouse(string serverConnection, string name)
    {
        _serverConnection = serverConnection;
        Name = name;
        var connection = new SqlConnectionStringBuilder(serverConnection) { InitialCatalog = name }.ConnectionString;
        Database = WarehouseSettings.From("sqlserver", null, connection).Open();
    }

    public string Name { get; }
    public WarehouseDatabase Database { get; }

    public static async Task<TempSqlServerWarehouse> CreateAsync(string serverConnection)
    {
        var name = "iw_test_" + Guid.NewGuid().ToString("N")[..12];
        // As recommended for production (README): Vietnamese sort order, and readers that never block the loader.
        await ExecuteOnMasterAsync(serverConnection, $"CREATE DATABASE [{name}] COLLATE Vietnamese_100_CI_AS_SC");
        await ExecuteOnMasterAsync(serverConnection, $"ALTER DATABASE [{name}] SET READ_COMMITTED_SNAPSHOT ON");
        // The lowest level sql/sqlserver/README.md allows (a newer server creates databases at its own, higher one).
        await ExecuteOnMasterAsync(serverConnection, $"ALTER DATABASE [{name}] SET COMPATIBILITY_LEVEL = {TSqlCheck.CompatibilityLevel}");
        return new TempSqlServerWarehouse(serverConnection, name);
    }

    public async ValueTask DisposeAsync()
    {
        // Pooled sessions would keep the database in use.
        SqlConnection.ClearAllPools();
        await ExecuteOnMasterAsync(_serverConnection, $"ALTER DATABASE [{Name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE");
        await ExecuteOnMasterAsync(_serverConnection, $"DROP DATABASE [{Name}]");
    }

    private static async Task ExecuteOnMasterAsync(string serverConnection, string sql)
    {
        await using var connection = new SqlConnection(new SqlConnectionStringBuilder(serverConnection) { InitialCatalog = "master" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
