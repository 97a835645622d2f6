using System.Globalization;
using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Dialects;
using IndicatorWarehouse.Warehouse.Ledger;

namespace IndicatorWarehouse.Application.Operations;

/// <summary>`iw backup` and `iw restore`: the dialect copies the warehouse (SQLite) or says how its server does it
/// (SQL Server); each backup or restore made is written to the run ledger.</summary>
public sealed class BackupService(WarehouseDatabase database)
{
    private IWarehouseBackup Backup => database.Dialect.Backup(database.ConnectionString);

    public async Task<BackupCopy> BackupAsync(string file, CancellationToken ct = default)
    {
        var started = database.Clock.Now;
        var copy = await Backup.BackupAsync(file, ct);
        // Written after the copy, so the copy never holds this run as still running.
        await new RunLedger(database).RecordAsync("backup", Parameters(copy.File, copy.Bytes), started, "succeeded", copy.Snapshots, null, ct);
        return copy;
    }

    /// <summary>Puts the backup in the warehouse's place; the restore is recorded in the ledger of the warehouse it
    /// produced (the one it replaced is gone).</summary>
    public async Task<RestoredCopy> RestoreAsync(string file, CancellationToken ct = default)
    {
        var started = database.Clock.Now;
        var restored = await Backup.RestoreAsync(file, ct);
        await new RunLedger(database).RecordAsync("restore", Parameters(Path.GetFullPath(file), restored.Bytes), started, "succeeded",
            restored.Snapshots, null, ct);
        return restored;
    }

    private static string Parameters(string file, long bytes) => string.Create(CultureInfo.InvariantCulture, $"file={file};bytes={bytes}");
}
