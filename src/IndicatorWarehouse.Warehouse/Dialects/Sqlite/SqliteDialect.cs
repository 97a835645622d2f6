using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;

namespace IndicatorWarehouse.Warehouse.Dialects.Sqlite;

/// <summary>The embedded default: one SQLite file in WAL mode, so readers never block the loader.</summary>
public sealed class SqliteDialect : ISqlDialect
{
    public string Name => "sqlite";

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
        // WAL lets dashboards read while a load writes; the busy timeout makes a second writer wait instead of failing.
        await ExecutePragmasAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=60000; PRAGMA temp_store=MEMORY;", ct);
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

    public async Task BulkInsertAsync(DbConnection connection, DbTransaction transaction, string table,
        IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken ct = default)
    {
        // SQLite's bulk path is a single prepared INSERT re-bound for every row inside one transaction.
        await using var command = (SqliteCommand)connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        var text = new StringBuilder($"INSERT INTO {table} (").AppendJoin(", ", columns).Append(") VALUES (");
        var parameters = new SqliteParameter[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            parameters[i] = command.Parameters.Add(new SqliteParameter { ParameterName = "$p" + i });
            text.Append(i == 0 ? "$p0" : ", $p" + i);
        }
        command.CommandText = text.Append(')').ToString();
        command.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++) parameters[i].Value = row[i] ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task ExecutePragmasAsync(SqliteConnection connection, string pragmas, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        await command.ExecuteNonQueryAsync(ct);
    }
}
