using IndicatorWarehouse.Application.Build;
using IndicatorWarehouse.Application.Ingest;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Ingestion.Synthetic;
using IndicatorWarehouse.Tests.Ingestion.Synthetic;
using IndicatorWarehouse.Tests.Support;

namespace IndicatorWarehouse.Tests.Server.Support;

/// <summary>A small synthetic province built once for the server tests: generated 2024–2026 sources, the Sở Y tế plan's
/// targets, a file with rows that must be quarantined, all ingested, then every period built — `iw demo` in little.</summary>
public sealed class ProvinceWarehouse : IAsyncLifetime
{
    public static readonly SyntheticOptions Options = new() { Seed = 11, FirstYear = 2024, LastYear = 2026, DossiersPerYear = 4_000 };

    private readonly string _sources = Path.Combine(Path.GetTempPath(), "iw-serve-src-" + Guid.NewGuid().ToString("N")[..8]);
    public TempWarehouse Warehouse { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Warehouse = await TempWarehouse.InitializedAsync();
        var summary = GeneratedSources.Generate(_sources, Options);
        var ingest = new IngestService(Warehouse.Database, ReferenceFiles.Default());
        foreach (var file in summary.Files)
            await ingest.IngestFileAsync(file.Source, file.Path, summary.AsOf);
        await ingest.IngestFileAsync(SourceKind.Targets, ReferenceFiles.Default().PathOf("targets/tni-syt-kh-bo-chi-so-2025.csv"), summary.AsOf);
        await ingest.IngestFileAsync(SourceKind.Onestop, BadRows(), summary.AsOf);
        await new BuildService(Warehouse.Database, ReferenceFiles.Default()).BuildAsync(new BuildRequest(All: true));
    }

    /// <summary>Two dossiers the validation must refuse, so the data-quality dashboard has quarantine to show.</summary>
    private string BadRows()
    {
        var path = Path.Combine(_sources, "onestop_bad.csv");
        var sample = File.ReadAllLines(ReferenceFiles.Default().PathOf("samples/onestop.csv"));
        File.WriteAllLines(path, [
            sample[0],
            "BAD-1,1.004595,Thủ tục,KCB,Khám bệnh,TNI.SYT,Sở Y tế Tây Ninh,1,2026-10-05T08:00:00,2026-10-12T17:00:00,2026-10-01T08:00:00,,10,1,,,,,,,,",
            "BAD-2,1.004595,Thủ tục,KCB,Khám bệnh,TNI.SYT,Sở Y tế Tây Ninh,1,không-phải-ngày,2026-10-12T17:00:00,,,4,1,,,,,,,,",
        ]);
        return path;
    }

    public async Task DisposeAsync()
    {
        await Warehouse.DisposeAsync();
        try { Directory.Delete(_sources, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class ProvinceCollection : ICollectionFixture<ProvinceWarehouse>
{
    public const string Name = "province warehouse";
}
