using BenchmarkDotNet.Attributes;
using IndicatorWarehouse.Ingestion;
using IndicatorWarehouse.Ingestion.Readers;

namespace IndicatorWarehouse.Benchmarks.Micro;

/// <summary>The read side of `iw ingest onestop` on 100,000 generated dossiers: tokenizing alone, then tokenizing
/// plus validation into canonical records, against reading the file's lines (the floor of any CSV reader).</summary>
[MemoryDiagnoser]
public class CsvReadBenchmarks
{
    private static readonly DateTime AsOf = new(2025, 12, 31, 23, 59, 59);
    private SyntheticYear _year = null!;
    private string _path = "";

    [GlobalSetup]
    public void Setup()
    {
        _year = new SyntheticYear();
        _path = _year.Onestop;
    }

    [GlobalCleanup]
    public void Cleanup() => _year.Dispose();

    [Benchmark(Baseline = true, Description = "File.ReadLines (baseline)")]
    public int ReadLines() => File.ReadLines(_path).Count();

    [Benchmark(Description = "CSV tokenizer → raw rows")]
    public int Tokenize()
    {
        using var reader = RawRowReader.Open(_path);
        var rows = 0;
        while (reader.TryRead(out _)) rows++;
        return rows;
    }

    [Benchmark(Description = "tokenizer + validation → dossier records")]
    public int ReadDossiers() => SourceFileReader.ReadDossiers(_path, null, AsOf).Count(r => r.Record is not null);
}
