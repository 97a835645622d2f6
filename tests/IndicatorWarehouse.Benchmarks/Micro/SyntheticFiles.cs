using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Ingestion.Synthetic;

namespace IndicatorWarehouse.Benchmarks.Micro;

/// <summary>One year of the synthetic province, written once per benchmark process by the real generator.</summary>
internal static class SyntheticFiles
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), $"iw-micro-{Environment.ProcessId}");
        var reference = ReferenceFiles.Default();
        new SyntheticSourceGenerator(reference.Agencies(), reference.Lineage(), reference.Holidays())
            .Generate(folder, new SyntheticOptions { FirstYear = 2025, LastYear = 2025, DossiersPerYear = 100_000 });
        return folder;
    });

    public static string Onestop => Path.Combine(Folder.Value, "onestop_2025.csv");

    public static void Delete()
    {
        if (Folder.IsValueCreated) Directory.Delete(Folder.Value, recursive: true);
    }
}
