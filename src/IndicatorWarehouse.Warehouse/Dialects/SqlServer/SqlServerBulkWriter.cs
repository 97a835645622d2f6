using Microsoft.Data.SqlClient;

namespace IndicatorWarehouse.Warehouse.Dialects.SqlServer;

/// <summary>Buffers rows and sends them with SqlBulkCopy in batches, inside the caller's transaction; memory is
/// bounded by the batch size whatever the file size.</summary>
internal sealed class SqlServerBulkWriter(SqlConnection connection, SqlTransaction transaction, string table, IReadOnlyList<string> columns)
    : IBulkWriter
{
    private const int BatchSize = 50_000;
    private readonly List<object?[]> _buffer = new(BatchSize);
    private string? _destination;

    public async ValueTask WriteAsync(object?[] row, CancellationToken ct = default)
    {
        _buffer.Add((object?[])row.Clone());   // callers reuse their row array
        if (_buffer.Count == BatchSize) await FlushAsync(ct);
    }

    public Task CompleteAsync(CancellationToken ct = default) => FlushAsync(ct);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task FlushAsync(CancellationToken ct)
    {
        if (_buffer.Count == 0) return;
        _destination ??= await SqlServerDialect.BaseTableAsync(connection, transaction, table, ct);
        // CheckConstraints and KeepNulls give a plain INSERT's semantics, as on SQLite: without them SqlBulkCopy
        // marks the table's constraints untrusted and replaces NULLs by column defaults. A session's own staging table
        // (#…) is locked whole, which lets the copy be minimally logged; a shared table (the quarantine) is not, so
        // that loads running side by side do not wait on each other there.
        var options = SqlBulkCopyOptions.CheckConstraints | SqlBulkCopyOptions.KeepNulls;
        if (_destination.StartsWith('#')) options |= SqlBulkCopyOptions.TableLock;
        using var bulkCopy = new SqlBulkCopy(connection, options, transaction)
        {
            DestinationTableName = _destination,
            BulkCopyTimeout = 0,
        };
        foreach (var column in columns) bulkCopy.ColumnMappings.Add(column, column);
        await using var reader = new ArrayRowReader(columns, _buffer);
        await bulkCopy.WriteToServerAsync(reader, ct);
        _buffer.Clear();
    }
}
