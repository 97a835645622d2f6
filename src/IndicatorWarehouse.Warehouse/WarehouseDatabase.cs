using System.Data.Common;
using IndicatorWarehouse.Warehouse.Dialects;

namespace IndicatorWarehouse.Warehouse;

/// <summary>A warehouse: which database it is (the dialect) and where (the connection string).</summary>
public sealed class WarehouseDatabase(ISqlDialect dialect, string connectionString)
{
    public ISqlDialect Dialect { get; } = dialect;
    public string ConnectionString { get; } = connectionString;

    public Task<DbConnection> OpenAsync(CancellationToken ct = default) => Dialect.OpenAsync(ConnectionString, ct);
    public Task<DbConnection> OpenReadOnlyAsync(CancellationToken ct = default) => Dialect.OpenReadOnlyAsync(ConnectionString, ct);

    /// <summary>A dialect script by path relative to <c>sql/&lt;dialect&gt;/</c>.</summary>
    public string Script(string relativePath) => SqlScripts.Get(Dialect.Name, relativePath);
}
