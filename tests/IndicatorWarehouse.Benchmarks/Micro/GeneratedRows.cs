using IndicatorWarehouse.Ingestion.Readers;
using SQLitePCL;

namespace IndicatorWarehouse.Benchmarks.Micro;

/// <summary>The rows the insert benchmarks write: one synthetic year's one-stop CSV as read (texts, an empty cell as
/// null), widened with integers to a fixed number of values, like the derived columns of a staged row.</summary>
internal static class GeneratedRows
{
    public static object?[][] Read(int columns)
    {
        using var year = new SyntheticYear();
        using var reader = RawRowReader.Open(year.Onestop);
        var rows = new List<object?[]>();
        while (reader.TryRead(out var row))
            rows.Add([.. row.Values.Select(v => (object?)(v is "" ? null : v)), .. Enumerable.Range(0, columns - row.Values.Length).Select(i => (object?)(long)(rows.Count + i))]);
        return [.. rows];
    }

    /// <summary>Runs a prepared INSERT once per row, bound by position straight through SQLite's C API.</summary>
    public static void InsertEach(sqlite3 db, string sql, object?[][] rows)
    {
        raw.sqlite3_prepare_v2(db, sql, out sqlite3_stmt statement);
        using (statement)
        {
            foreach (var row in rows)
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
}
