using BenchmarkDotNet.Attributes;
using IndicatorWarehouse.Warehouse.Dialects.Sqlite;
using Microsoft.Data.Sqlite;

namespace IndicatorWarehouse.Benchmarks.Micro;

/// <summary>How a load's new rows reach a fact table with a unique text key and ON CONFLICT DO NOTHING: one prepared
/// INSERT bound and stepped per row (the direct load before session 7), or one INSERT … SELECT over the warehouse's
/// row feed (the virtual table it uses since), against one INSERT … SELECT from a table that already holds the same rows
/// (SQLite alone, no managed code: the baseline). 100,000 generated dossier rows of 29 values (22 texts as read,
/// 7 integers), in a transaction rolled back each time.</summary>
public class FactInsertBenchmarks
{
    private const int Columns = 29;
    private static readonly string[] Names = Enumerable.Range(0, Columns).Select(i => $"c{i}").ToArray();
    private static readonly string Fact =
        $"CREATE TABLE fact (fact_key INTEGER PRIMARY KEY, c0 TEXT NOT NULL UNIQUE, {string.Join(", ", Names[1..])})";
    private static readonly string Conflict = "ON CONFLICT (c0) DO NOTHING";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "iw-micro-" + Guid.NewGuid().ToString("N")[..12]);
    private object?[][] _rows = [];
    private SqliteConnection _connection = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _rows = GeneratedRows.Read(Columns);
        Directory.CreateDirectory(_folder);
        var dialect = new SqliteDialect();
        _connection = (SqliteConnection)await dialect.OpenAsync(SqliteDialect.ConnectionStringFor(Path.Combine(_folder, "bench.db")));
        Execute(null, $"CREATE TABLE source ({string.Join(", ", Names)})");
        using var tx = _connection.BeginTransaction();
        await using (var writer = dialect.CreateBulkWriter(_connection, tx, "source", Names))
            foreach (var row in _rows) await writer.WriteAsync(row);
        tx.Commit();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _connection.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "INSERT … SELECT from a table of the same rows (baseline)")]
    public void FromTable() => Into(tx => Execute(tx, $"INSERT INTO fact ({string.Join(", ", Names)}) SELECT * FROM source WHERE true {Conflict}"));

    [Benchmark(Description = "a prepared INSERT per row, bound by position")]
    public void PerRow() => Into(_ => GeneratedRows.InsertEach(_connection.Handle!,
        $"INSERT INTO fact ({string.Join(", ", Names)}) VALUES ({string.Join(", ", Names.Select(_ => "?"))}) {Conflict}", _rows));

    [Benchmark(Description = "INSERT … SELECT over the row feed (the warehouse's load)")]
    public void Feed() => Into(_ =>
    {
        using var feed = new SqliteRowFeed(_connection, "rows", Columns);
        var next = 0;
        feed.Run($"INSERT INTO fact ({string.Join(", ", Names)}) SELECT * FROM rows WHERE true {Conflict}",
            () => next < _rows.Length ? _rows[next++] : null);
    });

    private void Into(Action<SqliteTransaction> insert)
    {
        using var tx = _connection.BeginTransaction();
        Execute(tx, Fact);
        insert(tx);
        tx.Rollback();
    }

    private void Execute(SqliteTransaction? tx, string sql)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
