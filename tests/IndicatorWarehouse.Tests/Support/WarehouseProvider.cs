using System.Data.Common;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Warehouse;

namespace IndicatorWarehouse.Tests.Support;

/// <summary>A database the warehouse tests run on. As in Dapper's tests, a shared test class is abstract over its
/// provider (<see cref="WarehouseTests{TProvider}"/>) and has one sealed subclass per provider.</summary>
public abstract class WarehouseProvider
{
    /// <summary>Why this provider's tests cannot run here, or null when they can.</summary>
    public abstract string? SkipReason { get; }

    /// <summary>SQL listing the flat names of the warehouse tables, without the runner's version table.</summary>
    public abstract string TableNamesSql { get; }

    /// <summary>A new, empty warehouse (not migrated), removed when disposed.</summary>
    public abstract Task<ITestWarehouse> CreateEmptyAsync();
}

/// <summary>A throw-away warehouse of some provider.</summary>
public interface ITestWarehouse : IAsyncDisposable
{
    WarehouseDatabase Database { get; }
    Task<DbConnection> OpenAsync() => Database.OpenAsync();
}

/// <summary>Base of the test classes that run the same cases on every provider.</summary>
public abstract class WarehouseTests<TProvider> where TProvider : WarehouseProvider, new()
{
    protected static TProvider Provider { get; } = new();

    protected static Task<ITestWarehouse> EmptyAsync() => Provider.CreateEmptyAsync();

    /// <summary>Migrated, with the shipped reference data loaded (as `iw init`).</summary>
    protected static async Task<ITestWarehouse> InitializedAsync()
    {
        var warehouse = await EmptyAsync();
        try
        {
            await new InitService(warehouse.Database, ReferenceFiles.Default()).RunAsync();
            return warehouse;
        }
        catch
        {
            await warehouse.DisposeAsync();
            throw;
        }
    }
}
