namespace IndicatorWarehouse.Warehouse.Dialects.SqlServer;

/// <summary>A SQL Server warehouse is backed up and restored by the server (BACKUP DATABASE, RESTORE DATABASE), where
/// log backups, compression and checksums are; `iw backup` points there instead of copying rows out.</summary>
internal sealed class SqlServerBackup(string database) : IWarehouseBackup
{
    public Task<BackupCopy> BackupAsync(string file, CancellationToken ct = default) => throw Unsupported("Sao lưu / backup");

    public Task<RestoredCopy> RestoreAsync(string file, CancellationToken ct = default) => throw Unsupported("Khôi phục / restore");

    private NotSupportedException Unsupported(string what) => new(
        $"{what}: {database} được sao lưu bởi chính SQL Server — BACKUP DATABASE … WITH COPY_ONLY, COMPRESSION, CHECKSUM " +
        "và RESTORE DATABASE; xem sql/sqlserver/README.md, mục «Backup and restore».");
}
