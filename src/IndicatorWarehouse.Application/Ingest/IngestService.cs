using System.Reflection;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Loading;

namespace IndicatorWarehouse.Application.Ingest;

/// <summary>`iw ingest`: validated rows of one source file become one snapshot of the warehouse.</summary>
public sealed class IngestService(WarehouseDatabase database, ReferenceFiles reference)
{
    /// <summary>The code version recorded with every snapshot (the audit dimension).</summary>
    public static string CodeVersion { get; } =
        typeof(IngestService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev";

    private readonly SnapshotLoader _loader = new(database);

    public Task<SnapshotResult> LoadDossiersAsync(SnapshotFile file, IEnumerable<RowOutcome<DossierRecord>> rows,
        IProgress<long>? progress = null, CancellationToken ct = default) =>
        _loader.LoadAsync(file, DossierStaging.Target, Staging.Of(rows, DossierStaging.Values), progress, ct);

    public Task<SnapshotResult> LoadPaknAsync(SnapshotFile file, IEnumerable<RowOutcome<PaknRecord>> rows,
        IProgress<long>? progress = null, CancellationToken ct = default)
    {
        var staging = new PaknStaging(reference.Holidays(), reference.Deadlines().Pakn);
        return _loader.LoadAsync(file, PaknStaging.Target, Staging.Of(rows, staging.Values), progress, ct);
    }

    public Task<SnapshotResult> LoadDigitizationAsync(SnapshotFile file, IEnumerable<RowOutcome<DigitizationRecord>> rows,
        IProgress<long>? progress = null, CancellationToken ct = default) =>
        _loader.LoadAsync(file, DigitizationStaging.Target, Staging.Of(rows, DigitizationStaging.Values), progress, ct);

    public Task<SnapshotResult> LoadTargetsAsync(SnapshotFile file, IEnumerable<RowOutcome<TargetRecord>> rows,
        IProgress<long>? progress = null, CancellationToken ct = default) =>
        _loader.LoadAsync(file, TargetStaging.Target, new TargetStaging(reference.Indicators()).Stage(rows), progress, ct);
}
