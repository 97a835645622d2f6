namespace IndicatorWarehouse.Warehouse.Snapshots;

// Property records, not positional ones: the databases type the same column differently (timestamps are text on
// SQLite and datetime2 on SQL Server, counts Int64 or Int32), and Dapper converts into properties.

/// <summary>One snapshot of etl_snapshot: which file, what it describes, what loading it did, and whether it was reverted.</summary>
public sealed record SnapshotInfo
{
    public long SnapshotId { get; init; }
    public string Source { get; init; } = "";
    public string FileName { get; init; } = "";
    public string? Profile { get; init; }
    public DateTime AsOf { get; init; }
    public DateTime LoadedAt { get; init; }
    public long RowsRead { get; init; }
    public long RowsInserted { get; init; }
    public long RowsUpdated { get; init; }
    public long RowsUnchanged { get; init; }
    public long RowsQuarantined { get; init; }
    public string CodeVersion { get; init; } = "";
    public DateTime? RevertedAt { get; init; }
}

/// <summary>What reverting a snapshot would do now: records it inserted (to remove) and replaced (to put back),
/// its quarantine entries, and the later snapshots that changed its records since (which block a plain revert).</summary>
public sealed record SnapshotImpact(long Inserted, long Replaced, long QuarantineOpen, long QuarantineResolved, IReadOnlyList<long> LaterSnapshots);

/// <summary>One snapshot reverted: records put back to their earlier version and records removed.</summary>
public sealed record RevertedSnapshot(long SnapshotId, string Source, string FileName, long Restored, long Removed);

/// <summary>A plain revert would lose what later snapshots wrote over this one's records: revert those first
/// (latest first), or all together with cascade.</summary>
public sealed class SnapshotConflictException(long snapshotId, IReadOnlyList<SnapshotInfo> later) : InvalidOperationException(
    $"Không thể hoàn tác lô {snapshotId}: lô sau đã thay đổi cùng bản ghi / cannot revert snapshot {snapshotId}: " +
    $"later snapshot(s) changed the same records — {string.Join(", ", later.Select(s => $"{s.SnapshotId} ({s.Source}, {s.FileName})"))}. " +
    "Revert those first, latest first, or revert with --cascade to revert them together.")
{
    public long SnapshotId { get; } = snapshotId;
    public IReadOnlyList<SnapshotInfo> Later { get; } = later;
}
