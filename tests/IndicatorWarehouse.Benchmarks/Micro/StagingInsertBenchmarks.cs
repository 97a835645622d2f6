using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using static IndicatorWarehouse.Benchmarks.Micro.InsertBench;

namespace IndicatorWarehouse.Benchmarks.Micro;

/// <summary>The staging write of `iw ingest onestop`: 100,000 generated dossier rows of 29 values (22 texts as read,
/// 7 integers as derived) into a temporary table of a warehouse file, through the warehouse's own bulk writer
/// (one INSERT prepared once, re-bound by position for every row), against the same rows bound by
/// position straight through SQLite's C API (the engine's own insert speed).</summary>
[MemoryDiagnoser]
public class StagingInsertBenchmarks
{
    private static readonly string Create = $"CREATE TEMP TABLE stg ({string.Join(", ", Names)})";

    private InsertBench _bench = null!;

    [GlobalSetup]
    public async Task Setup() => _bench = await OpenAsync();

    [GlobalCleanup]
    public void Cleanup() => _bench.Dispose();

    [Benchmark(Baseline = true, Description = "SQLite C API, bound by position (baseline)")]
    public void RawApi()
    {
        using var tx = Begin();
        _bench.InsertEach($"INSERT INTO stg VALUES ({string.Join(", ", Names.Select(_ => "?"))})");
        tx.Rollback();
    }

    [Benchmark(Description = "the warehouse's bulk writer")]
    public async Task BulkWriter()
    {
        using var tx = Begin();
        await using (var writer = _bench.Dialect.CreateBulkWriter(_bench.Connection, tx, "temp.stg", Names))
        {
            foreach (var row in _bench.Rows) await writer.WriteAsync(row);
            await writer.CompleteAsync();
        }
        tx.Rollback();
    }

    private SqliteTransaction Begin()
    {
        var tx = _bench.Connection.BeginTransaction();
        _bench.Execute(tx, Create);
        return tx;
    }
}
