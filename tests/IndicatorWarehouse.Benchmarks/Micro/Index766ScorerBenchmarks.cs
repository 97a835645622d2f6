using BenchmarkDotNet.Attributes;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Domain.Index766;

namespace IndicatorWarehouse.Benchmarks.Micro;

/// <summary>The 766 scorer as the build runs it: the ten warehouse-fed metrics for 30 units over the 72 months
/// of six years (21,600 inputs), against grouping the same inputs by unit and period (the scorer's own first pass).</summary>
[MemoryDiagnoser]
public class Index766ScorerBenchmarks
{
    private static readonly string[] Metrics =
    [
        "PROGRESS", "ONLINE_DOSSIER_RATE", "ORIGINAL_RESULT_AVAILABLE", "SO_HOA_GIAY_TO_GIAI_QUYET", "REUSED_DIGITIZED_DATA",
        "SYNCED_WITH_DVCQG_PERSONAL_STORAGE", "CITIZEN_DATA_CONNECTED_DOSSIER", "PETITION_PROCESSING_ON_TIME",
        "PETITION_HANDLING_SATISFACTION", "DOSSIER_RECEIVING_SATISFACTION",
    ];

    private Index766Scorer _scorer = null!;
    private MetricInput[] _inputs = [];

    [GlobalSetup]
    public void Setup()
    {
        _scorer = new Index766Scorer(ReferenceFiles.Default().Index766Rules());
        var random = new Random(766);
        _inputs =
        [
            .. from unit in Enumerable.Range(1, 30)
               from month in Enumerable.Range(0, 72)
               from metric in Metrics
               let denominator = random.Next(0, 2_000)
               select new MetricInput($"U{unit:00}", $"{2021 + month / 12}-{month % 12 + 1:00}", metric,
                   random.Next(0, denominator + 1), denominator),
        ];
    }

    [Benchmark(Baseline = true, Description = "group by unit and period (baseline)")]
    public int Group() => _inputs.GroupBy(i => (i.Unit, i.Period)).Count();

    [Benchmark(Description = "Index766Scorer.Score")]
    public int Score() => _scorer.Score(_inputs).Rows.Count;
}
