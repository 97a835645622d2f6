using BenchmarkDotNet.Attributes;
using IndicatorWarehouse.Warehouse.Dialects.Sqlite;
using Microsoft.Data.Sqlite;

namespace IndicatorWarehouse.Benchmarks.Micro;

/// <summary>The staging write of `iw ingest onestop`: 100,000 generated dossier rows of 29 values (22 texts as read,
/// 7 integers as derived) into a temporary table of a warehouse file, through the warehouse's own bulk writer
/// (one INSERT prepared once, re-bound by position for every row), against the same rows bound by
/// position straight through SQLite's C API (the engine's own insert speed).</summary>
[MemoryDiagnoser]
public class StagingInsertBenchmarks
{
    private const int Columns = 29;
    private static readonly string[] Names = Enumerable.Range(0, Columns).Select(i => $"c{i}").ToArray();
    private static readonly string Create = $"CREATE TEMP TABLE stg ({string.Join(", ", Names)})";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "iw-micro-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly SqliteDialect _dialect = new();
    private object?[][] _rows = [];
    private SqliteConnection _connection = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _rows = GeneratedRows.Read(Columns);
        Directory.CreateDirectory(_folder);
        _connection = (SqliteConnection)await _dialect.OpenAsync(SqliteDialect.ConnectionStringFor(Path.Combine(_folder, "bench.db")));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _connection.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "SQLite C API, bound by position (baseline)")]
    public void RawApi()
    {
        using var tx = Begin();
        GeneratedRows.InsertEach(_connection.Handle!, $"INSERT INTO stg VALUES ({string.Join(", ", Names.Select(_ => "?"))})", _rows);
        tx.Rollback();
    }

    [Benchmark(Description = "the warehouse's bulk writer")]
    public async Task BulkWriter()
    {
        using var tx = Begin();
        await using (var writer = _dialect.CreateBulkWriter(_connection, tx, "temp.stg", Names))
        {
            foreach (var row in _rows) await writer.WriteAsync(row);
            await writer.CompleteAsync();
        }
        tx.Rollback();
    }

    private SqliteTransaction Begin()
    {
        var tx = _connection.BeginTransaction();
        using var command = _connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = Create;
        command.ExecuteNonQuery();
        return tx;
    }
}
