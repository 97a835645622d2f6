using System.Data.Common;
using IndicatorWarehouse.Domain.Calendar;
using IndicatorWarehouse.Warehouse.Dialects;

namespace IndicatorWarehouse.Warehouse;

/// <summary>A warehouse: which database it is (the dialect), where (the connection string), and the clock of its
/// data (the zone its timestamps are written in), which every default "now" of the product reads.</summary>
public sealed class WarehouseDatabase(ISqlDialect dialect, string connectionString, DataClock? clock = null)
{
    public ISqlDialect Dialect { get; } = dialect;
    public string ConnectionString { get; } = connectionString;
    public DataClock Clock { get; } = clock ?? DataClock.System;

    public Task<DbConnection> OpenAsync(CancellationToken ct = default) => Dialect.OpenAsync(ConnectionString, ct);
    public Task<DbConnection> OpenReadOnlyAsync(CancellationToken ct = default) => Dialect.OpenReadOnlyAsync(ConnectionString, ct);

    /// <summary>A dialect script by path relative to <c>sql/&lt;dialect&gt;/</c>.</summary>
    public string Script(string relativePath) => SqlScripts.Get(Dialect.Name, relativePath);
}
