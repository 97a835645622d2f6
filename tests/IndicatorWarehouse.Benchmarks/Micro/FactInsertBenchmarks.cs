using BenchmarkDotNet.Attributes;
using IndicatorWarehouse.Warehouse.Dialects.Sqlite;
using Microsoft.Data.Sqlite;
using static IndicatorWarehouse.Benchmarks.Micro.InsertBench;

namespace IndicatorWarehouse.Benchmarks.Micro;

/// <summary>How a load's new rows reach a fact table with a unique text key and ON CONFLICT DO NOTHING: one prepared
/// INSERT bound and stepped per row (the direct load before session 7), or one INSERT … SELECT over the warehouse's
/// row feed (the virtual table it uses since), against one INSERT … SELECT from a table that already holds the same rows
/// (SQLite alone, no managed code: the baseline). 100,000 generated dossier rows of 29 values (22 texts as read,
/// 7 integers), in a transaction rolled back each time.</summary>
public class FactInsertBenchmarks
{
    private static readonly string Fact =
        $"CREATE TABLE fact (fact_key INTEGER PRIMARY KEY, c0 TEXT NOT NULL UNIQUE, {string.Join(", ", Names[1..])})";
    private static readonly string Into = $"INSERT INTO fact ({string.Join(", ", Names)})";
    private const string Conflict = "ON CONFLICT (c0) DO NOTHING";

    private InsertBench _bench = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _bench = await OpenAsync();
        _bench.Execute(null, $"CREATE TABLE source ({string.Join(", ", Names)})");
        using var tx = _bench.Connection.BeginTransaction();
        await using (var writer = _bench.Dialect.CreateBulkWriter(_bench.Connection, tx, "source", Names))
            foreach (var row in _bench.Rows) await writer.WriteAsync(row);
        tx.Commit();
    }

    [GlobalCleanup]
    public void Cleanup() => _bench.Dispose();

    [Benchmark(Baseline = true, Description = "INSERT … SELECT from a table of the same rows (baseline)")]
    public void FromTable() => Fresh(tx => _bench.Execute(tx, $"{Into} SELECT * FROM source WHERE true {Conflict}"));

    [Benchmark(Description = "a prepared INSERT per row, bound by position")]
    public void PerRow() => Fresh(_ => _bench.InsertEach($"{Into} VALUES ({string.Join(", ", Names.Select(_ => "?"))}) {Conflict}"));

    [Benchmark(Description = "INSERT … SELECT over the row feed (the warehouse's load)")]
    public void Feed() => Fresh(_ =>
    {
        using var feed = new SqliteRowFeed(_bench.Connection, "rows", Columns);
        var next = 0;
        feed.Run($"{Into} SELECT * FROM rows WHERE true {Conflict}", () => next < _bench.Rows.Length ? _bench.Rows[next++] : null);
    });

    /// <summary>Into a fact table created in a transaction that is rolled back after.</summary>
    private void Fresh(Action<SqliteTransaction> insert)
    {
        using var tx = _bench.Connection.BeginTransaction();
        _bench.Execute(tx, Fact);
        insert(tx);
        tx.Rollback();
    }
}
