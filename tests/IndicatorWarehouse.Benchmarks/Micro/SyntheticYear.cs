using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Ingestion.Synthetic;

namespace IndicatorWarehouse.Benchmarks.Micro;

/// <summary>One year of the synthetic province (100,000 dossiers) written by the real generator into a temporary
/// folder, deleted on dispose.</summary>
internal sealed class SyntheticYear : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "iw-micro-" + Guid.NewGuid().ToString("N")[..12]);

    public SyntheticYear()
    {
        var reference = ReferenceFiles.Default();
        new SyntheticSourceGenerator(reference.Agencies(), reference.Lineage(), reference.Holidays())
            .Generate(_folder, new SyntheticOptions { FirstYear = 2025, LastYear = 2025, DossiersPerYear = 100_000 });
    }

    public string Onestop => Path.Combine(_folder, "onestop_2025.csv");

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
