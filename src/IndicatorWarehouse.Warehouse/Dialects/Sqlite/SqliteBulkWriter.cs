using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace IndicatorWarehouse.Warehouse.Dialects.Sqlite;

/// <summary>SQLite's bulk path: one INSERT prepared once and re-bound by position for every row, on the connection's
/// own handle and so inside the caller's transaction; nothing is buffered, so memory stays flat whatever the file size.
/// It talks to SQLite's C API rather than through <see cref="SqliteCommand"/>: re-binding parameters by name and
/// boxing them there cost 2.3× the engine's own insert time (StagingInsertBenchmarks). With a unique column given, a row
/// whose value there exists already is skipped, and <see cref="Insert"/> says so.</summary>
internal sealed class SqliteBulkWriter : IBulkWriter
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly int _columns;

    public SqliteBulkWriter(SqliteConnection connection, string table, IReadOnlyList<string> columns, string? skipExistingIn = null)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        _columns = columns.Count;
        var text = new StringBuilder($"INSERT INTO {table} (").AppendJoin(", ", columns).Append(") VALUES (")
            .AppendJoin(", ", Enumerable.Repeat("?", columns.Count)).Append(')');
        if (skipExistingIn is not null) text.Append($" ON CONFLICT ({skipExistingIn}) DO NOTHING");
        Check(raw.sqlite3_prepare_v2(_db, text.ToString(), out _statement));
    }

    public ValueTask WriteAsync(object?[] row, CancellationToken ct = default)
    {
        Insert(row);
        return ValueTask.CompletedTask;
    }

    /// <summary>Inserts one row; false when the unique column given at construction already holds its value.</summary>
    public bool Insert(object?[] row)
    {
        for (var i = 0; i < _columns; i++) Check(Bind(i + 1, row[i]));
        // Synchronous on purpose: SQLite has no async I/O and an async wrapper costs an allocation per row.
        var step = raw.sqlite3_step(_statement);
        try
        {
            if (step != raw.SQLITE_DONE) Check(step);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
        return raw.sqlite3_changes(_db) == 1;
    }

    // The same storage classes Microsoft.Data.Sqlite gives these types, so rows read back as they did through it;
    // timestamps in the one text form that orders correctly (IsoTime).
    private int Bind(int index, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(_statement, index),
        string s => BindText(index, s),
        long n => raw.sqlite3_bind_int64(_statement, index, n),
        int n => raw.sqlite3_bind_int64(_statement, index, n),
        short n => raw.sqlite3_bind_int64(_statement, index, n),
        byte n => raw.sqlite3_bind_int64(_statement, index, n),
        bool b => raw.sqlite3_bind_int64(_statement, index, b ? 1 : 0),
        double d => raw.sqlite3_bind_double(_statement, index, d),
        float f => raw.sqlite3_bind_double(_statement, index, f),
        decimal m => raw.sqlite3_bind_text(_statement, index, m.ToString(CultureInfo.InvariantCulture)),
        DateTime t => BindTime(index, t),
        byte[] bytes => raw.sqlite3_bind_blob(_statement, index, bytes),
        _ => throw new NotSupportedException($"The bulk writer cannot store a {value.GetType().Name} (column {index})."),
    };

    // Text and timestamps are encoded to UTF-8 on the stack and bound from there (SQLite copies them): the string
    // overload allocates a byte array per value, a million rows of two dozen values each.
    private int BindText(int index, string s)
    {
        // An empty span may come with a null pointer, which SQLite would store as NULL.
        if (s.Length is 0 or > MaxStackChars) return raw.sqlite3_bind_text(_statement, index, s);
        Span<byte> utf8 = stackalloc byte[MaxStackChars * 3];
        return raw.sqlite3_bind_text(_statement, index, utf8[..Encoding.UTF8.GetBytes(s, utf8)]);
    }

    private int BindTime(int index, DateTime t)
    {
        Span<byte> utf8 = stackalloc byte[32];
        return t.TryFormat(utf8, out var length, IsoTime.Format, CultureInfo.InvariantCulture)
            ? raw.sqlite3_bind_text(_statement, index, utf8[..length])
            : raw.sqlite3_bind_text(_statement, index, IsoTime.Text(t));
    }

    private const int MaxStackChars = 256;

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
    }

    public Task CompleteAsync(CancellationToken ct = default) => Task.CompletedTask;

    public ValueTask DisposeAsync()
    {
        _statement.Dispose();
        return ValueTask.CompletedTask;
    }
}
