using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;
using IndicatorWarehouse.Warehouse.Loading;
using Microsoft.Data.SqlClient;

namespace IndicatorWarehouse.Warehouse.Dialects.SqlServer;

/// <summary>SQL Server: tables in the schemas etl, dim and fact, reached by the same flat names as on SQLite
/// through synonyms in dbo; analysts read through a reader-only login, on a readable secondary where there is one.</summary>
public sealed partial class SqlServerDialect : ISqlDialect
{
    // Applied to every session whatever the login's defaults. XACT_ABORT ON: any run-time error dooms the
    // whole transaction, so a snapshot is never half loaded (without it a constraint violation aborts only its
    // statement and the transaction carries on). ARITHABORT ON: what SSMS and most tools use, so analysts and
    // the application share plans instead of "slow in the app, fast in SSMS". NOCOUNT stays OFF on purpose:
    // the portable upserts decide between UPDATE and INSERT on the affected-row count.
    internal const string SessionSettings = "SET XACT_ABORT ON; SET ARITHABORT ON;";

    // An analyst's query should be the deadlock victim, never the load it collides with.
    internal const string ReadOnlySessionSettings = SessionSettings + " SET DEADLOCK_PRIORITY LOW;";

    public string Name => "sqlserver";

    /// <summary>Where a connection string points, for people to read: server and database, never credentials.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new SqlConnectionStringBuilder(connectionString);
        return $"SQL Server {builder.DataSource}, database {builder.InitialCatalog}";
    }

    public Task<DbConnection> OpenAsync(string connectionString, CancellationToken ct = default) =>
        OpenWithAsync(connectionString, SessionSettings, ct);

    /// <summary>Opens with <c>ApplicationIntent=ReadOnly</c>: on an availability group with a read-only routing
    /// list the session lands on a readable secondary, where writes are impossible and analysts do not load the
    /// primary. The connection string is expected to name a login that is only in db_datareader (see
    /// sql/sqlserver/README.md); <see cref="PrepareReadOnlyStatement"/> checks the text on top of that.</summary>
    public Task<DbConnection> OpenReadOnlyAsync(string connectionString, CancellationToken ct = default) =>
        OpenWithAsync(ReadOnlyConnectionString(connectionString), ReadOnlySessionSettings, ct);

    internal static string ReadOnlyConnectionString(string connectionString) =>
        new SqlConnectionStringBuilder(connectionString) { ApplicationIntent = ApplicationIntent.ReadOnly }.ConnectionString;

    public IReadOnlyList<string> SplitBatches(string script) =>
        GoLine().Split(script).Where(batch => !string.IsNullOrWhiteSpace(batch)).ToList();

    public async Task ApplySchemaChangeAsync(DbConnection connection, Func<DbTransaction, Task> change, CancellationToken ct = default)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        await change(tx);
        await tx.CommitAsync(ct);
    }

    public IWarehouseBackup Backup(string connectionString) => new SqlServerBackup(Describe(connectionString));

    /// <summary>Checks the statement as it will run: with its Vietnamese literals marked Unicode (N'…'), which portable
    /// SQL cannot write (see <see cref="TSqlTokens.MarkUnicodeLiterals"/>).</summary>
    public string PrepareReadOnlyStatement(DbConnection connection, string sql, IReadOnlyDictionary<string, object?> parameters)
    {
        string marked;
        try { marked = TSqlTokens.MarkUnicodeLiterals(sql); }
        catch (FormatException e) { throw new ReadOnlyViolationException($"Refused: {e.Message}"); }
        SqlServerReadOnlyGuard.EnsureSingleReadOnlyStatement((SqlConnection)connection, marked, parameters);
        return marked;
    }

    // Deadlock victim, timeout, lost or refused connection, and Azure SQL's "busy, try again" family.
    private static readonly HashSet<int> TransientErrors = [1205, -2, 53, 64, 233, 4060, 10053, 10054, 10060, 40197, 40501, 40613, 49918, 49919, 49920];

    public bool IsTransient(Exception exception) =>
        exception is SqlException e && e.Errors.Cast<SqlError>().Any(error => TransientErrors.Contains(error.Number));

    // SQL Server has no per-statement memory cap an application sets: the analysts' login's resource pool is the place.
    public bool IsMemoryGuard(Exception exception) => false;

    // SqlClient cancels a running command when its token fires.
    public void Interrupt(DbConnection connection) { }

    // Restoring is BACKUP/RESTORE DATABASE, done by the DBA with the database in single-user mode (sql/sqlserver/README.md).
    public IDisposable HoldInUse(string connectionString) => NothingHeld.Instance;

    // Writers wait on row locks with the command timeout; there is no file-wide write lock to announce.
    public Task WaitForWritersAsync(string connectionString, Action waiting, CancellationToken ct = default) => Task.CompletedTask;

    /// <summary>Staging tables are session temp tables: two loads never see each other's rows.</summary>
    public string StagingTable(string name) => "#" + name;

    public IBulkWriter CreateBulkWriter(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns) =>
        new SqlServerBulkWriter((SqlConnection)connection, (SqlTransaction)transaction, table, columns);

    // Loads may run side by side here: every row is staged, and the load script's set-based merge takes the locks that
    // keep two loads from creating the same dimension member or writing one dossier twice.
    public Task<IDirectInsert?> CreateDirectInsertAsync(DbConnection connection, DbTransaction transaction, LoadTarget target, SnapshotStamp stamp,
        CancellationToken ct = default) => Task.FromResult<IDirectInsert?>(null);

    // Hangfire.SqlServer's tables, in a schema of their own beside etl and dbo.
    public JobStoreSettings JobStore { get; } = new(SharedSchema: "hangfire");

    /// <summary>The table a flat name stands for: SqlBulkCopy cannot write through a synonym, and every warehouse
    /// table is reached through one. Names that are no synonym (temporary tables, schema-qualified names) pass as given.</summary>
    internal static async Task<string> BaseTableAsync(SqlConnection connection, SqlTransaction transaction, string table, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<string>(new CommandDefinition(BaseTableSql, new { table }, transaction, cancellationToken: ct)) ?? table;

    internal const string BaseTableSql = "SELECT base_object_name FROM sys.synonyms WHERE object_id = OBJECT_ID(@table)";

    private static async Task<DbConnection> OpenWithAsync(string connectionString, string sessionSettings, CancellationToken ct)
    {
        var connection = new SqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = sessionSettings;
            await command.ExecuteNonQueryAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // sqlcmd's batch separator: a line holding only GO, which the server itself does not understand.
    [GeneratedRegex(@"^[ \t]*GO[ \t]*\r?$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoLine();
}
