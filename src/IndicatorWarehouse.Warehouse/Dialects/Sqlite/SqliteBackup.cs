using Dapper;
using IndicatorWarehouse.Warehouse.Migrations;
using Microsoft.Data.Sqlite;

namespace IndicatorWarehouse.Warehouse.Dialects.Sqlite;

/// <summary>Backup and restore of the warehouse file. A backup is taken with SQLite's online backup API from one
/// read transaction, so loads keep writing meanwhile (WAL); a restore checks the copy and swaps it in by a rename.
/// Both write a temporary file beside their target first, so a failure never leaves half a file behind.</summary>
internal sealed class SqliteBackup(string connectionString) : IWarehouseBackup
{
    private const int Busy = 5, Locked = 6, Corrupt = 11, NotADatabase = 26;

    private string WarehousePath => Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    public async Task<BackupCopy> BackupAsync(string file, CancellationToken ct = default)
    {
        var warehouse = WarehousePath;
        if (!File.Exists(warehouse))
            throw new FileNotFoundException($"Kho dữ liệu '{warehouse}' không tồn tại / the warehouse does not exist.", warehouse);
        var target = Path.GetFullPath(file);
        if (target == warehouse) throw new ArgumentException("Bản sao lưu phải là một tệp khác kho dữ liệu / the backup must be another file than the warehouse.");
        var temp = TempBeside(target);
        try
        {
            await using (var source = await OpenAsync(warehouse, ct))
            await using (var copy = await OpenAsync(temp, ct, SqliteOpenMode.ReadWriteCreate))
            {
                // One step (-1) over one read transaction: the copy is the last committed state when it began; a
                // load still running is wholly absent from it, and WAL lets that load go on writing meanwhile.
                source.BackupDatabase(copy);
                await SingleFileAsync(copy, file, ct);
            }
            long snapshots;
            await using (var copy = await OpenAsync(temp, ct))
            {
                await EnsureIntactAsync(copy, file, ct);
                snapshots = await copy.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM etl_snapshot");
            }
            File.Move(temp, target, overwrite: true);
            return new BackupCopy(target, new FileInfo(target).Length, snapshots);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public async Task<RestoredCopy> RestoreAsync(string file, CancellationToken ct = default)
    {
        var backup = Path.GetFullPath(file);
        if (!File.Exists(backup)) throw new FileNotFoundException($"{file}: không có tệp này / no such file.", file);
        var warehouse = WarehousePath;
        if (backup == warehouse) throw new ArgumentException("Tệp sao lưu chính là kho dữ liệu / the backup is the warehouse itself.");
        Directory.CreateDirectory(Path.GetDirectoryName(warehouse)!);
        // The check runs on the very copy that will be renamed into place.
        var temp = TempBeside(warehouse);
        try
        {
            File.Copy(backup, temp);
            // A warehouse copied as files (a data folder) keeps its last commits in -wal: copied along, SQLite replays
            // them when the copy opens and leaving WAL mode folds them in. -shm is only an index of the WAL, rebuilt.
            var wal = new FileInfo(backup + "-wal");
            var walBytes = wal is { Exists: true, Length: > 0 } ? wal.Length : 0;
            if (walBytes > 0) File.Copy(wal.FullName, temp + "-wal");
            SchemaState schema;
            long snapshots;
            await using (var copy = await OpenAsync(temp, ct))
            {
                await SingleFileAsync(copy, file, ct);
                await EnsureIntactAsync(copy, file, ct);
                schema = await EnsureKnownSchemaAsync(copy, file, ct);
                snapshots = await copy.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM etl_snapshot");
            }
            using (var alone = SqliteWarehouseLock.TryExclusive(warehouse) ?? throw InUse(warehouse))
            {
                await ReleaseAsync(warehouse, ct);
                File.Move(temp, warehouse, overwrite: true);
            }
            return new RestoredCopy(warehouse, new FileInfo(warehouse).Length, snapshots, schema.Pending) { FoldedWalBytes = walBytes };
        }
        finally
        {
            foreach (var leftover in new[] { temp, temp + "-wal", temp + "-shm" }) File.Delete(leftover);
        }
    }

    /// <summary>A copy in rollback-journal mode is one self-contained file, whatever mode its source was in.</summary>
    private static Task SingleFileAsync(SqliteConnection connection, string label, CancellationToken ct) =>
        ReadingAsync(label, () => connection.ExecuteScalarAsync<string>(new CommandDefinition("PRAGMA journal_mode=DELETE", cancellationToken: ct)));

    private static async Task EnsureIntactAsync(SqliteConnection connection, string label, CancellationToken ct)
    {
        var problems = await ReadingAsync(label, async () =>
            (await connection.QueryAsync<string>(new CommandDefinition("PRAGMA integrity_check", cancellationToken: ct))).ToList());
        if (problems is not ["ok"])
            throw new InvalidDataException($"{label}: tệp bị hỏng / the file is damaged (integrity_check: {string.Join("; ", problems.Take(3))}).");
    }

    /// <summary>SQLite's own words for a file that is no database, or a broken one, in terms of the file.</summary>
    private static async Task<T> ReadingAsync<T>(string label, Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (SqliteException e) when (e.SqliteErrorCode == NotADatabase)
        {
            throw new InvalidDataException($"{label}: không phải tệp cơ sở dữ liệu SQLite / not a SQLite database.", e);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == Corrupt)
        {
            throw new InvalidDataException($"{label}: tệp bị hỏng / the file is damaged ({e.Message}).", e);
        }
    }

    /// <summary>The copy must be a warehouse, at a schema this build made or can migrate: one a newer build made, or
    /// whose migrations differ from this build's, would be misread.</summary>
    private static async Task<SchemaState> EnsureKnownSchemaAsync(SqliteConnection connection, string label, CancellationToken ct)
    {
        var isWarehouse = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('etl_schema_version', 'etl_snapshot')", cancellationToken: ct)) == 2;
        if (!isWarehouse)
            throw new InvalidDataException($"{label}: không phải bản sao lưu kho dữ liệu / not a warehouse backup (no etl_schema_version).");
        var schema = await new MigrationRunner(new SqliteDialect()).InspectAsync(connection, ct);
        if (schema.Unknown.Count > 0)
            throw new InvalidDataException($"{label}: được tạo bởi phiên bản iw mới hơn / made by a newer iw " +
                $"(migrations {string.Join(", ", schema.Unknown)} unknown here); upgrade iw first.");
        if (schema.Changed.Count > 0)
            throw new InvalidDataException($"{label}: lược đồ khác với phiên bản này / its migrations differ from this build's ({string.Join(", ", schema.Changed)}).");
        var missing = await SqliteSchemaCheck.MissingAsync(connection, ct);
        if (missing.Count > 0)
            throw new InvalidDataException($"{label}: thiếu {missing.Count} bảng, view hoặc cột của lược đồ mà etl_schema_version ghi / " +
                $"lacks tables, views or columns of the schema it claims: {string.Join("; ", missing.Take(5))}{(missing.Count > 5 ? "; …" : "")}. Nothing was changed.");
        return schema;
    }

    /// <summary>Folds the current warehouse's WAL back into its file (leaving WAL mode needs the only connection to it),
    /// so no stale WAL can be replayed onto the restored copy; with the lock held alone no `iw` has it open, and a
    /// connection from elsewhere (sqlite3, a viewer) still makes this fail, which is the refusal wanted.</summary>
    private static async Task ReleaseAsync(string warehouse, CancellationToken ct)
    {
        if (!File.Exists(warehouse)) return;
        string? mode;
        try
        {
            await using var current = await OpenAsync(warehouse, ct, busyTimeoutMs: 2000);
            mode = await current.ExecuteScalarAsync<string>(new CommandDefinition("PRAGMA journal_mode=DELETE", cancellationToken: ct));
        }
        catch (SqliteException e) when (e.SqliteErrorCode is Busy or Locked)
        {
            mode = null;
        }
        if (mode != "delete" || new FileInfo(warehouse + "-wal") is { Exists: true, Length: > 0 })
            throw InUse(warehouse);
    }

    private static InvalidOperationException InUse(string warehouse) =>
        new($"Kho dữ liệu '{warehouse}' đang được dùng / the warehouse is in use (`iw serve` or another `iw` command holds it): " +
            "stop `iw serve`, scheduled jobs and running loads, then restore again. Nothing was changed.");

    private static async Task<SqliteConnection> OpenAsync(string path, CancellationToken ct,
        SqliteOpenMode mode = SqliteOpenMode.ReadWrite, int busyTimeoutMs = 60_000)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path, Mode = mode, Pooling = false, DefaultTimeout = busyTimeoutMs / 1000,
        }.ToString());
        await connection.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition($"PRAGMA busy_timeout={busyTimeoutMs}", cancellationToken: ct));
        return connection;
    }

    private static string TempBeside(string path)
    {
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
    }
}
