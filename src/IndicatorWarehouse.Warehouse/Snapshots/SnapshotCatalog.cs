using System.Data.Common;
using Dapper;

namespace IndicatorWarehouse.Warehouse.Snapshots;

/// <summary>The snapshots loaded (etl_snapshot), newest first, and what reverting one would do now.</summary>
public sealed class SnapshotCatalog(WarehouseDatabase database)
{
    private const string Select =
        "SELECT snapshot_id AS SnapshotId, source AS Source, file_name AS FileName, profile AS Profile, as_of AS AsOf, " +
        "loaded_at AS LoadedAt, rows_read AS RowsRead, rows_inserted AS RowsInserted, rows_updated AS RowsUpdated, " +
        "rows_unchanged AS RowsUnchanged, rows_quarantined AS RowsQuarantined, code_version AS CodeVersion, reverted_at AS RevertedAt " +
        "FROM etl_snapshot ";

    public async Task<IReadOnlyList<SnapshotInfo>> ListAsync(string? source = null, CancellationToken ct = default)
    {
        await using var connection = await database.OpenReadOnlyAsync(ct);
        return (await connection.QueryAsync<SnapshotInfo>(new CommandDefinition(
            Select + "WHERE @source IS NULL OR source = @source ORDER BY snapshot_id DESC", new { source }, cancellationToken: ct))).ToList();
    }

    public async Task<SnapshotInfo> GetAsync(long snapshotId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenReadOnlyAsync(ct);
        return await FindAsync(connection, null, snapshotId, ct);
    }

    /// <summary>What reverting the snapshot would do now; for a reverted one, what is left of it (nothing but its quarantine).</summary>
    public async Task<SnapshotImpact> ImpactAsync(SnapshotInfo snapshot, CancellationToken ct = default)
    {
        // A read-write session, as the reverter uses: the conflict query is its own and takes update locks on SQL Server.
        await using var connection = await database.OpenAsync(ct);
        var quarantine = await connection.QuerySingleAsync<(long Open, long Resolved)>(new CommandDefinition(
            "SELECT COALESCE(SUM(CASE WHEN resolved_at IS NULL THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN resolved_at IS NULL THEN 0 ELSE 1 END), 0) " +
            "FROM etl_quarantine WHERE snapshot_id = @SnapshotId", snapshot, cancellationToken: ct));
        if (snapshot.Source is "agencies") return new SnapshotImpact(0, 0, quarantine.Open, quarantine.Resolved, []);
        var script = RevertScript.For(database, snapshot.Source);
        var (inserted, replaced) = await script.PreviewAsync(connection, snapshot.SnapshotId, ct);
        var later = await script.LaterSnapshotsAsync(connection, null, snapshot.SnapshotId, ct);
        return new SnapshotImpact(inserted, replaced, quarantine.Open, quarantine.Resolved, later);
    }

    internal static async Task<SnapshotInfo> FindAsync(DbConnection connection, DbTransaction? tx, long snapshotId, CancellationToken ct) =>
        await connection.QuerySingleOrDefaultAsync<SnapshotInfo>(new CommandDefinition(
            Select + "WHERE snapshot_id = @snapshotId", new { snapshotId }, tx, cancellationToken: ct))
        ?? throw new KeyNotFoundException($"Không có lô {snapshotId} / snapshot {snapshotId} does not exist (see `iw snapshots list`).");
}
