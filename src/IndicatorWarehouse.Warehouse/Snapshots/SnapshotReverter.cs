using System.Data.Common;
using System.Globalization;
using Dapper;
using IndicatorWarehouse.Domain.Calendar;

namespace IndicatorWarehouse.Warehouse.Snapshots;

/// <summary>Reverts a snapshot in one transaction: every record it changed goes back to the version it replaced,
/// every record it inserted goes, the quarantine entries it settled open again, the days affected are queued for
/// rebuild, and the snapshot is marked reverted (its file may then be loaded again). Only the latest snapshot on
/// each of its records can be reverted: a later one's version would be lost, so the revert is refused naming the
/// later snapshots — or, with cascade, those are reverted too, latest first.</summary>
public sealed class SnapshotReverter(WarehouseDatabase database)
{
    public async Task<IReadOnlyList<RevertedSnapshot>> RevertAsync(long snapshotId, bool cascade = false, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var reverted = await RevertWithinAsync(connection, tx, snapshotId, cascade, ct);
        await tx.CommitAsync(ct);
        return reverted;
    }

    /// <summary>The revert inside the caller's transaction: a reload reverts the file's first snapshot and loads it again
    /// as one change.</summary>
    internal async Task<IReadOnlyList<RevertedSnapshot>> RevertWithinAsync(DbConnection connection, DbTransaction tx, long snapshotId, bool cascade,
        CancellationToken ct)
    {
        var target = await SnapshotCatalog.FindAsync(connection, tx, snapshotId, ct);
        if (target.RevertedAt is { } at)
            throw new InvalidOperationException($"Lô {snapshotId} đã được hoàn tác lúc {at:dd/MM/yyyy HH:mm} / snapshot {snapshotId} was already reverted.");

        var plan = await PlanAsync(connection, tx, target, cascade, ct);
        // Pending records count in every period up to the latest as-of in force: the rebuild must reach that far.
        var horizon = await connection.ExecuteScalarAsync<DateTime>(new CommandDefinition(
            "SELECT MAX(as_of) FROM etl_snapshot WHERE reverted_at IS NULL", transaction: tx, cancellationToken: ct));
        var now = IsoTime.Text(database.Clock.Now);
        var reverted = new List<RevertedSnapshot>();
        foreach (var snapshot in plan)
            reverted.Add(await RevertOneAsync(connection, tx, snapshot, DateKey.Of(horizon), now, ct));
        return reverted;
    }

    /// <summary>The snapshots to revert, latest first: the one asked for and, with cascade, every later snapshot that
    /// wrote over its records (and over theirs). Reverted in that order, each is the latest on all its records.</summary>
    private async Task<IReadOnlyList<SnapshotInfo>> PlanAsync(DbConnection connection, DbTransaction tx, SnapshotInfo target, bool cascade, CancellationToken ct)
    {
        var plan = new Dictionary<long, SnapshotInfo> { [target.SnapshotId] = target };
        var pending = new Queue<SnapshotInfo>([target]);
        while (pending.TryDequeue(out var snapshot))
        {
            var later = await RevertScript.For(database, snapshot.Source).LaterSnapshotsAsync(connection, tx, snapshot.SnapshotId, ct);
            if (later.Count == 0) continue;
            var infos = new List<SnapshotInfo>();
            foreach (var id in later) infos.Add(await SnapshotCatalog.FindAsync(connection, tx, id, ct));
            if (!cascade) throw new SnapshotConflictException(snapshot.SnapshotId, infos);
            foreach (var info in infos.Where(i => plan.TryAdd(i.SnapshotId, i))) pending.Enqueue(info);
        }
        return plan.Values.OrderByDescending(s => s.SnapshotId).ToList();
    }

    private async Task<RevertedSnapshot> RevertOneAsync(DbConnection connection, DbTransaction tx, SnapshotInfo snapshot, int horizonKey,
        string now, CancellationToken ct)
    {
        var parameters = new { snapshot_id = snapshot.SnapshotId, horizon_key = horizonKey, now };
        var affected = new Dictionary<string, int>();
        foreach (var (name, sql) in RevertScript.For(database, snapshot.Source).Changes)
            affected[name] = await StepTrace.TimeAsync($"revert {snapshot.SnapshotId} {name}", () =>
                connection.ExecuteAsync(new CommandDefinition(sql, parameters, tx, commandTimeout: 0, cancellationToken: ct)));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE etl_quarantine SET resolved_at = NULL, resolved_by_snapshot_id = NULL WHERE resolved_by_snapshot_id = @snapshot_id",
            parameters, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE etl_snapshot SET reverted_at = @now WHERE snapshot_id = @snapshot_id", parameters, tx, cancellationToken: ct));
        return new RevertedSnapshot(snapshot.SnapshotId, snapshot.Source, snapshot.FileName, affected["restore_changed"], affected["delete_inserted"]);
    }
}
