using Dapper;

namespace IndicatorWarehouse.Warehouse.Quarantine;

/// <summary>Which quarantine entries: of one source, of one snapshot, only those still open (not settled by a later
/// load, and of a snapshot still in force).</summary>
public sealed record QuarantineFilter(string? Source = null, long? SnapshotId = null, bool OpenOnly = false);

/// <summary>One quarantined row with the snapshot it came in: the raw row as read (JSON of header → text), why it
/// was refused, and whether a later load has settled it.</summary>
public sealed record QuarantineEntry
{
    public long QuarantineId { get; init; }
    public long SnapshotId { get; init; }
    public string Source { get; init; } = "";
    public string FileName { get; init; } = "";
    public string? Profile { get; init; }
    public DateTime AsOf { get; init; }
    public long LineNo { get; init; }
    public string? RecordKey { get; init; }
    public string Field { get; init; } = "";
    public string Reason { get; init; } = "";
    public string RawRecord { get; init; } = "";
    public DateTime CreatedAt { get; init; }
    public DateTime? ResolvedAt { get; init; }
    public long? ResolvedBySnapshotId { get; init; }
    public DateTime? SnapshotRevertedAt { get; init; }

    public bool IsOpen => ResolvedAt is null && SnapshotRevertedAt is null;
}

/// <summary>Reads etl_quarantine with the snapshot of each entry.</summary>
public sealed class QuarantineQueries(WarehouseDatabase database)
{
    public async Task<IReadOnlyList<QuarantineEntry>> ListAsync(QuarantineFilter filter, CancellationToken ct = default)
    {
        await using var connection = await database.OpenReadOnlyAsync(ct);
        // "LineNo" quoted: LINENO is a reserved word of T-SQL (a bare alias of that name is a syntax error there).
        return (await connection.QueryAsync<QuarantineEntry>(new CommandDefinition("""
            SELECT q.quarantine_id AS QuarantineId, q.snapshot_id AS SnapshotId, q.source AS Source, q.file_name AS FileName,
                   s.profile AS Profile, s.as_of AS AsOf, q.line_no AS "LineNo", q.record_key AS RecordKey, q.field AS Field,
                   q.reason AS Reason, q.raw_record AS RawRecord, q.created_at AS CreatedAt, q.resolved_at AS ResolvedAt,
                   q.resolved_by_snapshot_id AS ResolvedBySnapshotId, s.reverted_at AS SnapshotRevertedAt
            FROM etl_quarantine q JOIN etl_snapshot s ON s.snapshot_id = q.snapshot_id
            WHERE (@Source IS NULL OR q.source = @Source)
              AND (@SnapshotId IS NULL OR q.snapshot_id = @SnapshotId)
              AND (@OpenOnly = 0 OR (q.resolved_at IS NULL AND s.reverted_at IS NULL))
            ORDER BY q.quarantine_id
            """, new { filter.Source, filter.SnapshotId, OpenOnly = filter.OpenOnly ? 1 : 0 }, cancellationToken: ct))).ToList();
    }

    /// <summary>Marks settled by <paramref name="snapshotId"/> the open entries whose rows it re-supplied (file line →
    /// entry) and did not quarantine again.</summary>
    public async Task SettleAsync(long snapshotId, IReadOnlyDictionary<long, long> entriesByLine, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var refused = (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT line_no FROM etl_quarantine WHERE snapshot_id = @snapshotId", new { snapshotId }, tx, cancellationToken: ct))).ToHashSet();
        var settled = entriesByLine.Where(e => !refused.Contains(e.Key)).Select(e => e.Value).ToList();
        // Chunked: SQL Server takes at most 2,100 parameters in one statement.
        foreach (var ids in settled.Chunk(1000))
            await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE etl_quarantine SET resolved_at = @now, resolved_by_snapshot_id = @snapshotId
                WHERE quarantine_id IN @ids AND resolved_at IS NULL
                """, new { snapshotId, ids, now = IsoTime.Text(database.Clock.Now) }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    /// <summary>How many entries <paramref name="snapshotId"/> settled when it loaded.</summary>
    public async Task<long> SettledByAsync(long snapshotId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenReadOnlyAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM etl_quarantine WHERE resolved_by_snapshot_id = @snapshotId", new { snapshotId }, cancellationToken: ct));
    }
}
