using IndicatorWarehouse.Ingestion.Readers;
using IndicatorWarehouse.Warehouse.Dialects.Sqlite;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace IndicatorWarehouse.Benchmarks.Micro;

/// <summary>What the insert benchmarks share: a warehouse file in a temporary folder (deleted on dispose) and the rows
/// they write, one synthetic year's one-stop CSV as read (texts, an empty cell as null) widened with integers to
/// <see cref="Columns"/> values, like the derived columns of a staged row.</summary>
internal sealed class InsertBench : IDisposable
{
    public const int Columns = 29;
    public static readonly string[] Names = Enumerable.Range(0, Columns).Select(i => $"c{i}").ToArray();

    private readonly string _folder;

    private InsertBench(string folder, SqliteConnection connection, object?[][] rows) => (_folder, Connection, Rows) = (folder, connection, rows);

    public SqliteDialect Dialect { get; } = new();
    public SqliteConnection Connection { get; }
    public object?[][] Rows { get; }

    public static async Task<InsertBench> OpenAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "iw-micro-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var connection = (SqliteConnection)await new SqliteDialect().OpenAsync(SqliteDialect.ConnectionStringFor(Path.Combine(folder, "bench.db")));
        return new InsertBench(folder, connection, Read());
    }

    /// <summary>Runs a prepared INSERT once per row, bound by position straight through SQLite's C API.</summary>
    public void InsertEach(string sql)
    {
        raw.sqlite3_prepare_v2(Connection.Handle, sql, out sqlite3_stmt statement);
        using (statement)
        {
            foreach (var row in Rows)
            {
                for (var i = 0; i < row.Length; i++)
                    _ = row[i] switch
                    {
                        null => raw.sqlite3_bind_null(statement, i + 1),
                        long n => raw.sqlite3_bind_int64(statement, i + 1, n),
                        var text => raw.sqlite3_bind_text(statement, i + 1, (string)text),
                    };
                raw.sqlite3_step(statement);
                raw.sqlite3_reset(statement);
            }
        }
    }

    public void Execute(SqliteTransaction? tx, string sql)
    {
        using var command = Connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        Connection.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static object?[][] Read()
    {
        using var year = new SyntheticYear();
        using var reader = RawRowReader.Open(year.Onestop);
        var rows = new List<object?[]>();
        while (reader.TryRead(out var row))
            rows.Add([.. row.Values.Select(v => (object?)(v is "" ? null : v)), .. Enumerable.Range(0, Columns - row.Values.Length).Select(i => (object?)(long)(rows.Count + i))]);
        return [.. rows];
    }
}
