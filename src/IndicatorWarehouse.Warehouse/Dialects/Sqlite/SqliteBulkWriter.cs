using System.Text;
using Microsoft.Data.Sqlite;

namespace IndicatorWarehouse.Warehouse.Dialects.Sqlite;

/// <summary>SQLite's bulk path: one prepared INSERT re-bound for every row inside the caller's transaction;
/// nothing is buffered, so memory stays flat whatever the file size.</summary>
internal sealed class SqliteBulkWriter : IBulkWriter
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public SqliteBulkWriter(SqliteConnection connection, SqliteTransaction transaction, string table, IReadOnlyList<string> columns)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        var text = new StringBuilder($"INSERT INTO {table} (").AppendJoin(", ", columns).Append(") VALUES (");
        _parameters = new SqliteParameter[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            _parameters[i] = _command.Parameters.Add(new SqliteParameter { ParameterName = "$p" + i });
            text.Append(i == 0 ? "$p0" : ", $p" + i);
        }
        _command.CommandText = text.Append(')').ToString();
        _command.Prepare();
    }

    public ValueTask WriteAsync(object?[] row, CancellationToken ct = default)
    {
        for (var i = 0; i < _parameters.Length; i++)
            _parameters[i].Value = row[i] switch
            {
                null => DBNull.Value,
                // One text form for every timestamp, so that text comparisons in SQL order them correctly.
                DateTime t => t.ToString(SqliteDialect.TimestampFormat, System.Globalization.CultureInfo.InvariantCulture),
                var v => v,
            };
        // Synchronous on purpose: SQLite has no async I/O and the async wrapper costs an allocation per row.
        _command.ExecuteNonQuery();
        return ValueTask.CompletedTask;
    }

    public Task CompleteAsync(CancellationToken ct = default) => Task.CompletedTask;

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
