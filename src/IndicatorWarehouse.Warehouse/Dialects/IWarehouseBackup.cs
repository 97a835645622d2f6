namespace IndicatorWarehouse.Warehouse.Dialects;

/// <summary>Copies the warehouse to a file and puts such a copy back, where the database lets the application do so
/// (an embedded SQLite file); a server database is backed up by its server.</summary>
public interface IWarehouseBackup
{
    /// <summary>Writes one consistent state of the warehouse to <paramref name="file"/>, while other processes may
    /// keep loading: a load still running is either wholly in the copy or not at all.</summary>
    Task<BackupCopy> BackupAsync(string file, CancellationToken ct = default);

    /// <summary>Checks the copy in <paramref name="file"/> (integrity, a schema this build knows) and puts it in the
    /// warehouse's place in one step; refuses, changing nothing, when either check fails or the warehouse is in use.</summary>
    Task<RestoredCopy> RestoreAsync(string file, CancellationToken ct = default);
}

/// <summary>A backup written: where, how big, and how many snapshots it holds.</summary>
public sealed record BackupCopy(string File, long Bytes, long Snapshots);

/// <summary>A backup put in place: the warehouse it became, and the migrations this build would still apply to it
/// (`iw init` applies them).</summary>
public sealed record RestoredCopy(string Warehouse, long Bytes, long Snapshots, IReadOnlyList<string> PendingMigrations)
{
    /// <summary>Bytes of committed data the backup kept in its <c>-wal</c> file, folded into the restored warehouse.</summary>
    public long FoldedWalBytes { get; init; }
}
