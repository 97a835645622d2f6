using IndicatorWarehouse.Warehouse.Queries;
using IndicatorWarehouse.Warehouse.Quarantine;
using static IndicatorWarehouse.Application.Operations.OperationsFormat;

namespace IndicatorWarehouse.Application.Operations;

/// <summary>What `iw quarantine list` prints: one line per refused row, why, and whether it is settled.</summary>
public static class QuarantineText
{
    public static QueryResult List(IReadOnlyList<QuarantineEntry> entries, string format)
    {
        var people = ForPeople(format);
        return new QueryResult(
            ["quarantine_id", "snapshot_id", "source", "file_name", "line_no", "record_key", "field", "reason", "created_at", "resolved_at",
             "resolved_by_snapshot_id", "state"],
            entries.Select(e => new object?[]
            {
                e.QuarantineId, e.SnapshotId, e.Source, e.FileName, e.LineNo, e.RecordKey, e.Field, e.Reason,
                Stamp(e.CreatedAt, people), Stamp(e.ResolvedAt, people), e.ResolvedBySnapshotId, State(e),
            }).ToList(),
            false);
    }

    /// <summary>open: still to fix; resolved: a later load brought the record in; reverted: its snapshot was reverted.</summary>
    private static string State(QuarantineEntry e) => e.ResolvedAt is not null ? "resolved" : e.SnapshotRevertedAt is not null ? "reverted" : "open";
}
