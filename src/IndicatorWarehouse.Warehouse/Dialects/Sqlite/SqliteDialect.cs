using System.Data.Common;
using Dapper;
using IndicatorWarehouse.Warehouse.Loading;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace IndicatorWarehouse.Warehouse.Dialects.Sqlite;

/// <summary>The embedded default: one SQLite file in WAL mode, so readers never block the loader.</summary>
public sealed class SqliteDialect : ISqlDialect
{
    public string Name => "sqlite";

    /// <summary>How long a command waits, by default, for another process's write to end before it fails.</summary>
    public const int DefaultBusyTimeoutSeconds = 60;

    // https://sqlite.org/c3ref/c_limit_attached.html and https://sqlite.org/rescode.html
    private const int LimitLength = 0, NoMemory = 7, TooBig = 18, Busy = 5;

    /// <summary>The largest string or blob an analyst's statement may make (per connection, unlike hard_heap_limit,
    /// which is process-wide and would fail a load running in the same server): randomblob(1e9) stops here.</summary>
    public const int AnalystValueBytes = 64 * 1024 * 1024;

    /// <summary>Worker threads a writing connection's sorts may use: the other cores (SQLite caps it at its own maximum).</summary>
    public static int SortThreads => Environment.ProcessorCount - 1;

    /// <summary>The page size, in bytes, a new warehouse file is created with.</summary>
    public const int PageSize = 16384;

    /// <summary>Builds a connection string for a warehouse file path; <paramref name="busyTimeoutSeconds"/> is how long
    /// a statement waits for another writer (SQLite's busy timeout and the driver's command timeout).</summary>
    public static string ConnectionStringFor(string path, int busyTimeoutSeconds = DefaultBusyTimeoutSeconds) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        ForeignKeys = true,
        DefaultTimeout = busyTimeoutSeconds,
        Pooling = false,
    }.ToString();

    /// <summary>Removes a warehouse file with its write-ahead log, so the next open starts empty.</summary>
    public static void DeleteDatabase(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            File.Delete(file);
    }

    public async Task<DbConnection> OpenAsync(string connectionString, CancellationToken ct = default)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);

        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        try
        {
            // SQLite opens a file it may not write (read-only mount, no permission) for reading without a word, and the
            // first write then fails as "unable to open database file": say what is wrong instead.
            if (raw.sqlite3_db_readonly(connection.Handle, "main") == 1)
                throw new IOException($"Kho dữ liệu chỉ đọc / the warehouse '{builder.DataSource}' cannot be written " +
                                      "(read-only file system or no write permission); nothing was changed.");
            // WAL lets dashboards read while a load writes; the busy timeout makes a second writer wait instead of failing.
            // Temporary tables stay in a temporary file (SQLite's default), not in memory: a load stages the whole
            // snapshot there, and in memory that grew by ~0.8 GB per million dossiers.
            // Worker threads let SQLite sort on the other cores: the build's GROUP BY over every dossier and the index
            // rebuilt after a large load are sorts (the build's profile of 1M dossiers: 4.3–4.6 s alone, 3.0 s with one).
            // A new warehouse gets 16 KB pages (SQLite's default is 4 KB): its big tables are appended to and scanned whole,
            // and fewer, fuller pages made the 1M one-stop load ~7 % and the 10M build ~10 % faster. The pragma only
            // takes effect before the file's first write, so an existing warehouse keeps its own (README, Operations).
            await ExecutePragmasAsync(connection, $"PRAGMA page_size={PageSize}; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; " +
                $"PRAGMA threads={SortThreads}; PRAGMA busy_timeout={BusyMs(builder)};", ct);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        return connection;
    }

    public async Task<DbConnection> OpenReadOnlyAsync(string connectionString, CancellationToken ct = default)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly };
        if (!File.Exists(builder.DataSource))
            throw new FileNotFoundException($"Warehouse file '{builder.DataSource}' does not exist; run `iw init` first.");
        var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(ct);
        await ExecutePragmasAsync(connection, $"PRAGMA busy_timeout={BusyMs(builder)}; PRAGMA query_only=1;", ct);
        SqliteReadOnlyGuard.Install(connection);
        raw.sqlite3_limit(connection.Handle, LimitLength, AnalystValueBytes);
        return connection;
    }

    private static int BusyMs(SqliteConnectionStringBuilder builder) => builder.DefaultTimeout * 1000;

    public bool IsMemoryGuard(Exception exception) => exception is SqliteException { SqliteErrorCode: TooBig or NoMemory };

    // sqlite3_interrupt is the one call SQLite allows from another thread while a statement runs; the driver's token
    // is only looked at between rows, and a recursive CTE can run for minutes before its first.
    public void Interrupt(DbConnection connection) => raw.sqlite3_interrupt(((SqliteConnection)connection).Handle);

    public IDisposable HoldInUse(string connectionString) =>
        SqliteWarehouseLock.HoldShared(new SqliteConnectionStringBuilder(connectionString).DataSource);

    /// <summary>Takes and drops the file's write lock: at once when no one writes; otherwise after saying so, waiting up to
    /// the busy timeout (then SQLITE_BUSY, which the caller puts in words). A file this process may not write is left to
    /// the command, which says what is wrong with it.</summary>
    public async Task WaitForWritersAsync(string connectionString, Action waiting, CancellationToken ct = default)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite };
        if (!File.Exists(builder.DataSource)) return;
        await using var connection = new SqliteConnection(builder.ToString());
        try
        {
            await connection.OpenAsync(ct);
            if (await TryBeginAsync(connection, timeoutSeconds: 1, ct)) return;
            waiting();
            if (!await TryBeginAsync(connection, builder.DefaultTimeout, ct))
                throw new SqliteException("database is locked", Busy);
        }
        catch (SqliteException e) when (e.SqliteErrorCode != Busy)
        {
        }
    }

    private static async Task<bool> TryBeginAsync(SqliteConnection connection, int timeoutSeconds, CancellationToken ct)
    {
        await ExecutePragmasAsync(connection, $"PRAGMA busy_timeout={timeoutSeconds * 1000};", ct);
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        begin.CommandTimeout = timeoutSeconds;
        try
        {
            await begin.ExecuteNonQueryAsync(ct);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == Busy)
        {
            return false;
        }
        await ExecutePragmasAsync(connection, "ROLLBACK;", ct);
        return true;
    }

    public IReadOnlyList<string> SplitBatches(string script) => [script];

    /// <summary>With foreign-key enforcement off, as SQLite documents for rebuilding a table others reference
    /// (https://sqlite.org/lang_altertable.html#otheralter); every key is checked before the commit instead.
    /// The pragma is a no-op inside a transaction, so it is switched around it.</summary>
    public async Task ApplySchemaChangeAsync(DbConnection connection, Func<DbTransaction, Task> change, CancellationToken ct = default)
    {
        var sqlite = (SqliteConnection)connection;
        var enforced = await sqlite.ExecuteScalarAsync<long>("PRAGMA foreign_keys") == 1;
        await ExecutePragmasAsync(sqlite, "PRAGMA foreign_keys=OFF;", ct);
        try
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            await change(tx);
            var broken = (await connection.QueryAsync<(string Table, long? RowId, string Parent)>(
                "SELECT \"table\", rowid, parent FROM pragma_foreign_key_check", transaction: tx)).ToList();
            if (broken.Count > 0)
                throw new InvalidOperationException($"The schema change leaves {broken.Count} row(s) pointing at nothing, e.g. " +
                    $"{broken[0].Table} row {broken[0].RowId} → {broken[0].Parent}; nothing was changed.");
            await tx.CommitAsync(ct);
        }
        finally
        {
            if (enforced) await ExecutePragmasAsync(sqlite, "PRAGMA foreign_keys=ON;", CancellationToken.None);
        }
    }

    public IWarehouseBackup Backup(string connectionString) => new SqliteBackup(connectionString);

    // SQLite prepares a statement without knowing its parameters' values or types: nothing to declare.
    public string PrepareReadOnlyStatement(DbConnection connection, string sql, IReadOnlyDictionary<string, object?> parameters)
    {
        SqliteReadOnlyGuard.EnsureSingleReadOnlyStatement((SqliteConnection)connection, sql);
        return sql;
    }

    // SQLITE_BUSY and SQLITE_LOCKED: another connection held the file longer than the busy timeout.
    public bool IsTransient(Exception exception) => exception is SqliteException { SqliteErrorCode: 5 or 6 };

    public string StagingTable(string name) => "temp." + name;

    // The writer's statements run on the connection's handle, so inside whatever transaction is open on it.
    public IBulkWriter CreateBulkWriter(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns) =>
        new SqliteBulkWriter((SqliteConnection)connection, table, columns);

    // One writer at a time holds the file, so dimension members can be resolved and created in memory without a lock.
    public async Task<IDirectInsert?> CreateDirectInsertAsync(DbConnection connection, DbTransaction transaction, LoadTarget target,
        SnapshotStamp stamp, CancellationToken ct = default) => target.Script switch
    {
        SqliteDossierInsert.Script => await SqliteDossierInsert.CreateAsync((SqliteConnection)connection, transaction, target, stamp, ct),
        SqliteDigitizationInsert.Script => await SqliteDigitizationInsert.CreateAsync((SqliteConnection)connection, transaction, target, stamp, ct),
        _ => null,
    };

    // Hangfire.Storage.SQLite failed the two-server trial (dashboards/README.md): each server keeps its schedule in memory.
    public JobStoreSettings JobStore { get; } = new(SharedSchema: null);

    private static async Task ExecutePragmasAsync(SqliteConnection connection, string pragmas, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        await command.ExecuteNonQueryAsync(ct);
    }
}
