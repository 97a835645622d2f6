using System.Data.Common;
using Dapper;
using IndicatorWarehouse.Warehouse.Loading;
using Microsoft.Data.Sqlite;

namespace IndicatorWarehouse.Warehouse.Dialects.Sqlite;

/// <summary>SQLite's direct load of a source: every staged row gets its dimension keys in memory (one writer holds the file
/// at a time, so nothing changes them meanwhile), and a record the fact table does not have goes straight in — its unique
/// column decides, in the same statement; only the rest (records that exist, and a record's later lines in the same file)
/// is staged for the load script's merge. A history loaded for the first time is so written once instead of staged,
/// indexed and copied. The rows reach the table through one <c>INSERT … SELECT</c> over a <see cref="SqliteRowFeed"/>
/// rather than a statement per row. When the new records outnumber those the table had, its secondary indexes are
/// dropped and built again at the end (inside the same transaction, so a crash or a failure puts them back): one sort
/// each instead of an index insert per row.</summary>
internal abstract class SqliteDirectInsert : IDirectInsert
{
    /// <summary>Fewer new rows than this never rebuild indexes: a small table's indexes fit in the page cache anyway.</summary>
    private const long RebuildIndexesFrom = 50_000;

    /// <summary>The feed's name in SQL while a load runs on the connection.</summary>
    private const string FeedName = "iw_load_rows";

    private readonly string _table;
    private readonly string _insert;
    private readonly List<string> _staged;
    private readonly int[] _copied;
    private readonly object?[] _row;

    /// <param name="columns">the fact columns the staged row holds under the same name (keys included: <see cref="Resolve"/>
    /// writes them there); the snapshot's stamp columns come after them</param>
    protected SqliteDirectInsert(SqliteConnection connection, DbTransaction transaction, LoadTarget target, SnapshotStamp stamp,
        SqliteDimensionKeys keys, long rowsBefore, string table, string uniqueColumn, IReadOnlyList<string> columns)
    {
        (Connection, Transaction, Stamp, Keys, RowsBefore, _table) = (connection, transaction, stamp, keys, rowsBefore, table);
        _staged = ["line_no", .. target.Columns];
        _copied = [.. columns.Select(At)];
        _row = new object?[columns.Count + 3];
        _row[columns.Count] = stamp.AsOf;
        _row[columns.Count + 1] = _row[columns.Count + 2] = stamp.SnapshotId;
        // WHERE true: without it, SQLite's parser would take ON CONFLICT for a join constraint of the SELECT.
        _insert = $"INSERT INTO {table} ({string.Join(", ", [.. columns, "source_as_of", "first_snapshot_id", "last_snapshot_id"])}) " +
                  $"SELECT * FROM {FeedName} WHERE true ON CONFLICT ({uniqueColumn}) DO NOTHING";
    }

    protected SqliteConnection Connection { get; }
    protected DbTransaction Transaction { get; }
    protected SnapshotStamp Stamp { get; }
    protected SqliteDimensionKeys Keys { get; }
    /// <summary>The table's highest rowid when the load began: the rows after it are the ones this load appended.</summary>
    protected long RowsBefore { get; }
    protected long Inserted { get; private set; }

    /// <summary>The highest rowid bounds the row count from above without counting (reverts leave gaps).</summary>
    protected static async Task<long> RowsAsync(SqliteConnection connection, DbTransaction transaction, string table, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<long?>(new CommandDefinition($"SELECT MAX(rowid) FROM {table}", transaction: transaction,
            cancellationToken: ct)) ?? 0;

    /// <summary>The position of a staged column.</summary>
    protected int At(string column) => _staged.IndexOf(column) is >= 0 and var i ? i
        : throw new InvalidOperationException($"{_table}: the staged row has no column '{column}'.");

    /// <summary>Writes the row's dimension keys into it (for the fact row, or for staging if it is not new).</summary>
    protected abstract void Resolve(object?[] staged);

    /// <summary>A row that went straight into the fact table.</summary>
    protected virtual void Inserting(object?[] staged)
    {
    }

    /// <summary>What the inserts leave to do at the end (the days to rebuild), after the indexes and dimension members are settled.</summary>
    protected abstract Task<int> CompleteInsertsAsync(CancellationToken ct);

    public async Task<long> InsertAsync(IAsyncEnumerable<object?[]> staged, IBulkWriter staging, CancellationToken ct = default)
    {
        List<string> dropped = [];
        await using (var rows = staged.GetAsyncEnumerator(ct))
        using (var feed = new SqliteRowFeed(Connection, FeedName, _row.Length))
        {
            var rebuildFrom = Math.Max(RowsBefore, RebuildIndexesFrom);
            object?[]? previous = null;
            var pause = false;

            // Called by SQLite for each row. It first settles the row before: SQLite inserted it, or skipped it for an
            // existing key (no rowid was written since it was handed out), and then it is staged. Dropping the indexes
            // needs the statement finished, so the feed ends there (once: the count reaches the bound once) and a
            // second statement takes the rest.
            object?[]? Next()
            {
                if (previous is not null)
                {
                    if (feed.LastInsertRowid == 0) Completed(staging.WriteAsync(previous, ct));
                    else
                    {
                        Inserting(previous);
                        pause = ++Inserted == rebuildFrom;
                    }
                    previous = null;
                }
                if (pause || !Completed(rows.MoveNextAsync())) return null;
                previous = rows.Current;
                Resolve(previous);
                for (var i = 0; i < _copied.Length; i++) _row[i] = previous[_copied[i]];
                feed.LastInsertRowid = 0;
                return _row;
            }

            feed.Run(_insert, Next);
            if (pause)
            {
                (pause, dropped) = (false, DropSecondaryIndexes());
                feed.Run(_insert, Next);
            }
        }
        foreach (var index in dropped)
            await StepTrace.TimeAsync("rebuild_index", () => Connection.ExecuteAsync(new CommandDefinition(index, transaction: Transaction,
                commandTimeout: 0, cancellationToken: ct)));
        await Keys.CompleteAsync(ct);
        if (Inserted > 0) await StepTrace.TimeAsync("queue_rebuild", () => CompleteInsertsAsync(ct));
        return Inserted;
    }

    // SQLite's writers and the staged stream complete synchronously (nothing there awaits I/O); a callback of the
    // feed cannot await anyway.
    private static void Completed(ValueTask task)
    {
        if (!task.IsCompletedSuccessfully) task.AsTask().GetAwaiter().GetResult();
    }

    private static bool Completed(ValueTask<bool> task) => task.IsCompletedSuccessfully ? task.Result : task.AsTask().GetAwaiter().GetResult();

    private List<string> DropSecondaryIndexes()
    {
        List<string> dropped = [];
        foreach (var (name, sql) in Connection.Query<(string Name, string Sql)>(
                     "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL " +
                     "AND sql NOT LIKE 'CREATE UNIQUE%'", new { table = _table }, Transaction))
        {
            Connection.Execute($"DROP INDEX \"{name}\"", transaction: Transaction);
            dropped.Add(sql);
        }
        StepTrace.Write($"{_table}: {dropped.Count} secondary indexes dropped after {Inserted:N0} new rows, rebuilt at the end");
        return dropped;
    }
}
