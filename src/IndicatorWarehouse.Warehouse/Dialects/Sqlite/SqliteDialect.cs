using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace IndicatorWarehouse.Warehouse.Dialects.Sqlite;

/// <summary>The embedded default: one SQLite file in WAL mode, so readers never block the loader.</summary>
public sealed class SqliteDialect : ISqlDialect
{
    public string Name => "sqlite";

    /// <summary>Timestamps are stored as ISO 8601 text in local time, e.g. 2026-10-08T09:15:00.</summary>
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss";

    /// <summary>Builds a connection string for a warehouse file path.</summary>
    public static string ConnectionStringFor(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        ForeignKeys = true,
        DefaultTimeout = 60,
        Pooling = false,
    }.ToString();

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
            await ExecutePragmasAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=60000;", ct);
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
        await ExecutePragmasAsync(connection, "PRAGMA busy_timeout=60000; PRAGMA query_only=1;", ct);
        SqliteReadOnlyGuard.Install(connection);
        return connection;
    }

    public IReadOnlyList<string> SplitBatches(string script) => [script];

    public void EnsureReadOnlyStatement(DbConnection connection, string sql) =>
        SqliteReadOnlyGuard.EnsureSingleReadOnlyStatement((SqliteConnection)connection, sql);

    public string StagingTable(string name) => "temp." + name;

    public IBulkWriter CreateBulkWriter(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns) =>
        new SqliteBulkWriter((SqliteConnection)connection, (SqliteTransaction)transaction, table, columns);

    private static async Task ExecutePragmasAsync(SqliteConnection connection, string pragmas, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        await command.ExecuteNonQueryAsync(ct);
    }
}
