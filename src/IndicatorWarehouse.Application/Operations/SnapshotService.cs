using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Ledger;
using IndicatorWarehouse.Warehouse.Snapshots;

namespace IndicatorWarehouse.Application.Operations;

/// <summary>`iw snapshots`: the snapshots loaded, what reverting one would do now, and the revert itself, which the
/// run ledger records (as does etl_snapshot.reverted_at).</summary>
public sealed class SnapshotService(WarehouseDatabase database)
{
    public Task<IReadOnlyList<SnapshotInfo>> ListAsync(string? source = null, CancellationToken ct = default) =>
        new SnapshotCatalog(database).ListAsync(source, ct);

    public async Task<(SnapshotInfo Snapshot, SnapshotImpact Impact)> ShowAsync(long snapshotId, CancellationToken ct = default)
    {
        var catalog = new SnapshotCatalog(database);
        var snapshot = await catalog.GetAsync(snapshotId, ct);
        return (snapshot, await catalog.ImpactAsync(snapshot, ct));
    }

    /// <summary>Reverts the snapshot (and, with <paramref name="cascade"/>, the later ones that changed its records) in
    /// one transaction; `iw build` then recomputes the periods it queued.</summary>
    public async Task<IReadOnlyList<RevertedSnapshot>> RevertAsync(long snapshotId, bool cascade = false, CancellationToken ct = default)
    {
        var ledger = new RunLedger(database);
        var runId = await ledger.StartAsync("revert", $"snapshot={snapshotId};cascade={cascade}", ct);
        try
        {
            var reverted = await new SnapshotReverter(database).RevertAsync(snapshotId, cascade, ct);
            await ledger.FinishAsync(runId, "succeeded", reverted.Sum(r => r.Restored + r.Removed), null, ct);
            return reverted;
        }
        catch (Exception e)
        {
            await ledger.FinishAsync(runId, "failed", null, e.Message, CancellationToken.None);
            throw;
        }
    }
}
