using IndicatorWarehouse.Application.Ingest;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Loading;
using IndicatorWarehouse.Warehouse.Quarantine;
using IndicatorWarehouse.Warehouse.Snapshots;

namespace IndicatorWarehouse.Application.Operations;

/// <summary>What a retry did: the snapshot the corrected file became, and how many quarantine entries it settled.</summary>
public sealed record QuarantineRetry(SourceKind Source, SnapshotResult Snapshot, long Settled);

/// <summary>`iw quarantine`: the rows loads refused, a file to fix them in, and loading that file back. A corrected
/// row that loads settles every open entry of its source under the same record key (the load scripts' step
/// resolve_quarantine); the entry keeps its reason.</summary>
public sealed class QuarantineService(WarehouseDatabase database, ReferenceFiles reference)
{
    public Task<IReadOnlyList<QuarantineEntry>> ListAsync(QuarantineFilter filter, CancellationToken ct = default) =>
        new QuarantineQueries(database).ListAsync(filter, ct);

    /// <summary>Writes the entries <paramref name="filter"/> selects to <paramref name="file"/> (see <see cref="QuarantineCsv"/>);
    /// they must share one source and profile, as the file is loaded back as one snapshot of that source.</summary>
    public async Task<int> ExportAsync(QuarantineFilter filter, string file, CancellationToken ct = default)
    {
        var entries = await ListAsync(filter, ct);
        var groups = entries.Select(e => (e.Source, e.Profile)).Distinct().ToList();
        if (groups.Count > 1)
            throw new ArgumentException("Các dòng thuộc nhiều nguồn hoặc hồ sơ ánh xạ / the entries come from several sources or profiles (" +
                string.Join(", ", groups.Select(g => g.Profile is null ? g.Source : $"{g.Source} ({g.Profile})")) +
                "): choose one with --source or --snapshot.");
        QuarantineCsv.Write(entries, file);
        return entries.Count;
    }

    /// <summary>Loads a corrected export as a new snapshot of its source, read with the profile its cells follow. The
    /// as-of time is, unless given, the latest of the snapshots the rows were quarantined in: the file still describes
    /// that moment, so it cannot move a record that a later snapshot brought further back in time.</summary>
    public async Task<QuarantineRetry> RetryAsync(string file, DateTime? asOf = null, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        var origin = QuarantineCsv.ReadOrigin(file);
        if (!SourceKinds.TryParse(origin.Source, out var kind))
            throw new InvalidDataException($"{file}: iw_source '{origin.Source}' is not a source that can be loaded.");
        var profile = origin.Profile is null ? null : reference.Profiles().Get(origin.Profile).AsUtf8Csv();
        var when = asOf ?? await OriginalAsOfAsync(origin, ct) ?? database.Clock.Now;
        var result = await new IngestService(database, reference).LoadFileAsync(kind, file, profile, when, progress, ct);
        var queries = new QuarantineQueries(database);
        // The load settles entries whose record key it now holds; a row corrected in its key fields (a target's
        // indicator code, say) is settled here, by the entry its line re-supplies.
        await queries.SettleAsync(result.SnapshotId, origin.EntriesByLine, ct);
        return new QuarantineRetry(kind, result, await queries.SettledByAsync(result.SnapshotId, ct));
    }

    private async Task<DateTime?> OriginalAsOfAsync(QuarantineOrigin origin, CancellationToken ct)
    {
        var catalog = new SnapshotCatalog(database);
        DateTime? latest = null;
        foreach (var id in origin.Snapshots)
        {
            var asOf = (await catalog.GetAsync(id, ct)).AsOf;
            if (latest is null || asOf > latest) latest = asOf;
        }
        return latest;
    }
}
