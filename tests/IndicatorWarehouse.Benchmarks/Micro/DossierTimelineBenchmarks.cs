using BenchmarkDotNet.Attributes;
using IndicatorWarehouse.Domain.Calendar;
using IndicatorWarehouse.Domain.Counting;
using IndicatorWarehouse.Ingestion;
using IndicatorWarehouse.Ingestion.Records;

namespace IndicatorWarehouse.Benchmarks.Micro;

/// <summary>The counting rules applied at load (<see cref="DossierTimeline.Of"/>) over 100,000 generated dossiers,
/// against turning each received time into its day key (the least any per-dossier derivation does).</summary>
[MemoryDiagnoser]
public class DossierTimelineBenchmarks
{
    private DossierRecord[] _dossiers = [];

    [GlobalSetup]
    public void Setup()
    {
        using var year = new SyntheticYear();
        _dossiers = SourceFileReader.ReadDossiers(year.Onestop, null, new DateTime(2025, 12, 31, 23, 59, 59))
            .Select(r => r.Record).OfType<DossierRecord>().ToArray();
    }

    [Benchmark(Baseline = true, Description = "DateKey.Of(received) (baseline)")]
    public long ReceivedKeys()
    {
        long sum = 0;
        foreach (var d in _dossiers) sum += DateKey.Of(d.ReceivedAt);
        return sum;
    }

    [Benchmark(Description = "DossierTimeline.Of")]
    public long Timelines()
    {
        long sum = 0;
        foreach (var d in _dossiers)
            sum += DossierTimeline.Of(d.ReceivedAt, d.DueAt, d.FinishedAt, d.ReturnedAt, d.Status, d.SupplementRequests, d.SupplementWaitDays)
                .EndDateKey ?? 0;
        return sum;
    }
}
