using System.Data.Common;
using IndicatorWarehouse.Warehouse.Loading;

namespace IndicatorWarehouse.Warehouse.Dialects;

/// <summary>Everything that differs between the databases the warehouse runs on. Nothing outside
/// <c>Dialects/</c> knows which database it talks to.</summary>
public interface ISqlDialect
{
    /// <summary>Folder name under <c>sql/</c> holding this dialect's scripts.</summary>
    string Name { get; }

    /// <summary>Opens a read-write connection ready for use (pragmas, session settings applied).</summary>
    Task<DbConnection> OpenAsync(string connectionString, CancellationToken ct = default);

    /// <summary>Opens a connection that cannot write, for analysts' ad-hoc SQL.</summary>
    Task<DbConnection> OpenReadOnlyAsync(string connectionString, CancellationToken ct = default);

    /// <summary>Splits a migration script into the batches the database executes one at a time.</summary>
    IReadOnlyList<string> SplitBatches(string script);

    /// <summary>Runs one migration's <paramref name="change"/> in one transaction and commits it.</summary>
    Task ApplySchemaChangeAsync(DbConnection connection, Func<DbTransaction, Task> change, CancellationToken ct = default);

    /// <summary>Backup and restore of the warehouse at <paramref name="connectionString"/>, as far as this database
    /// lets the application do them.</summary>
    IWarehouseBackup Backup(string connectionString);

    /// <summary>Throws <see cref="ReadOnlyViolationException"/> unless <paramref name="sql"/> is one statement that only reads;
    /// <paramref name="parameters"/> are the named values (<c>@unit</c>) it will be run with. Returns the text to run: the
    /// portable statement as this database must read it to mean the same.</summary>
    string PrepareReadOnlyStatement(DbConnection connection, string sql, IReadOnlyDictionary<string, object?> parameters);

    /// <summary>True for a failure of this database that is worth retrying after a pause (busy, deadlock, timeout,
    /// connection lost), as opposed to one that will fail again the same way.</summary>
    bool IsTransient(Exception exception);

    /// <summary>True when a statement failed on a per-statement memory guard of this database (analysts' SQL).</summary>
    bool IsMemoryGuard(Exception exception);

    /// <summary>Stops the statement running on <paramref name="connection"/> from another thread (a timeout, a client
    /// gone); the statement then fails. Where the driver already cancels on the token, nothing to do.</summary>
    void Interrupt(DbConnection connection);

    /// <summary>Holds the warehouse "in use" until disposed, for the whole life of a command or a server, so that
    /// `iw restore` refuses to replace it meanwhile.</summary>
    IDisposable HoldInUse(string connectionString);

    /// <summary>Returns once no other process is writing to the warehouse (or its busy timeout has passed), calling
    /// <paramref name="waiting"/> first if it has to wait: what lets a command say it waits rather than hang silently.</summary>
    Task WaitForWritersAsync(string connectionString, Action waiting, CancellationToken ct = default);

    /// <summary>The name under which a per-connection staging table is referenced (a temp table).</summary>
    string StagingTable(string name);

    /// <summary>A writer that inserts rows into a table the fastest way the database offers; several may be
    /// open at once on one transaction (staged rows and quarantined rows are written as one stream is read).</summary>
    IBulkWriter CreateBulkWriter(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns);

    /// <summary>Where this database can take a load's new records straight into their fact table, the writer that does it;
    /// null where every row is staged and the load script merges them.</summary>
    Task<IDirectInsert?> CreateDirectInsertAsync(DbConnection connection, DbTransaction transaction, LoadTarget target, SnapshotStamp stamp,
        CancellationToken ct = default);

    /// <summary>Where the jobs of <c>iw serve</c> keep their Hangfire schedule on this database.</summary>
    JobStoreSettings JobStore { get; }
}

/// <summary>An analyst's statement would write, touch the schema, or run more than one statement.</summary>
public sealed class ReadOnlyViolationException(string message) : Exception(message);

/// <summary>Appends rows to one table; <see cref="CompleteAsync"/> flushes whatever is buffered.</summary>
public interface IBulkWriter : IAsyncDisposable
{
    ValueTask WriteAsync(object?[] row, CancellationToken ct = default);
    Task CompleteAsync(CancellationToken ct = default);
}
