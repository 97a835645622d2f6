using System.Data.Common;
using Dapper;
using IndicatorWarehouse.Warehouse.Loading;
using Microsoft.Data.Sqlite;

namespace IndicatorWarehouse.Warehouse.Dialects.Sqlite;

/// <summary>SQLite's one-stop load: every staged row gets its unit and procedure keys in memory, and a dossier the
/// warehouse does not have goes straight into fact_dossier (the unique dossier_code decides, in the same statement); only
/// the rest — dossiers that exist, and a dossier's later lines in the same file — are staged for load/dossier.sql's merge.
/// A history loaded for the first time is so written once instead of staged, indexed and copied. When the new dossiers
/// outnumber those the table had, its secondary indexes are dropped and built again at the end (inside the same
/// transaction, so a crash or a failure puts them back): one sort each instead of an index insert per row.</summary>
internal sealed class SqliteDossierInsert : IDirectInsert
{
    public const string Script = "load/dossier.sql";

    /// <summary>Fact columns copied from the staged row under the same name.</summary>
    private static readonly string[] Copied =
    [
        "dossier_code", "channel_key", "applicant_type", "received_at", "due_at", "finished_at", "returned_at", "status",
        "fee_amount", "paid_online", "supplement_requests", "supplement_wait_days", "apology_issued", "late_reason", "citizen_rating",
        "received_date_key", "end_date_key", "deadline_date_key", "outcome", "overdue_from_key", "is_withdrawn",
    ];

    private static readonly string[] FactColumns =
        [.. Copied, "agency_key", "procedure_key", "source_as_of", "first_snapshot_id", "last_snapshot_id"];

    private readonly SqliteConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly SnapshotStamp _stamp;
    private readonly SqliteDimensionKeys _keys;
    private readonly SqliteBulkWriter _fact;
    private readonly int[] _copied;
    private readonly int _agencyCode, _agencyName, _procedureCode, _procedureName, _fieldCode, _fieldName, _onlineService;
    private readonly int _agencyKey, _procedureKey, _receivedKey, _endKey;
    private readonly object?[] _row = new object?[FactColumns.Length];
    /// <summary>Fewer new rows than this never rebuild indexes: a small table's indexes fit in the page cache anyway.</summary>
    private const long RebuildIndexesFrom = 50_000;

    private readonly long _rowsBefore;
    private List<string>? _droppedIndexes;
    private long _inserted;
    private int _fromKey = int.MaxValue, _toKey;

    private SqliteDossierInsert(SqliteConnection connection, DbTransaction transaction, LoadTarget target, SnapshotStamp stamp,
        SqliteDimensionKeys keys, long rowsBefore)
    {
        _rowsBefore = rowsBefore;
        _connection = connection;
        _transaction = transaction;
        _stamp = stamp;
        _keys = keys;
        _fact = new SqliteBulkWriter(connection, "fact_dossier", FactColumns, skipExistingIn: "dossier_code");
        List<string> staged = ["line_no", .. target.Columns];
        int At(string column) => staged.IndexOf(column) is >= 0 and var i ? i
            : throw new InvalidOperationException($"{Script}: the staged row has no column '{column}'.");
        _copied = [.. Copied.Select(At)];
        (_agencyCode, _agencyName, _procedureCode, _procedureName) = (At("agency_code"), At("agency_name"), At("procedure_code"), At("procedure_name"));
        (_fieldCode, _fieldName, _onlineService) = (At("field_code"), At("field_name"), At("online_service"));
        (_agencyKey, _procedureKey, _receivedKey, _endKey) = (At("agency_key"), At("procedure_key"), At("received_date_key"), At("end_date_key"));
        _row[Copied.Length + 2] = stamp.AsOf;
        _row[Copied.Length + 3] = _row[Copied.Length + 4] = stamp.SnapshotId;
    }

    public static async Task<SqliteDossierInsert> CreateAsync(SqliteConnection connection, DbTransaction transaction, LoadTarget target,
        SnapshotStamp stamp, CancellationToken ct) =>
        new(connection, transaction, target, stamp, await SqliteDimensionKeys.LoadAsync(connection, transaction, ct),
            // The highest key bounds the row count from above without counting (reverts leave gaps).
            await connection.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT MAX(dossier_key) FROM fact_dossier",
                transaction: transaction, cancellationToken: ct)) ?? 0);

    public bool TryInsert(object?[] staged)
    {
        var day = (int)staged[_receivedKey]!;
        staged[_agencyKey] = _keys.Agency((string)staged[_agencyCode]!, (string?)staged[_agencyName], day);
        staged[_procedureKey] = _keys.Procedure((string)staged[_procedureCode]!, (string?)staged[_procedureName],
            _keys.Field((string?)staged[_fieldCode], (string?)staged[_fieldName]), (string?)staged[_onlineService]);

        for (var i = 0; i < _copied.Length; i++) _row[i] = staged[_copied[i]];
        _row[Copied.Length] = staged[_agencyKey];
        _row[Copied.Length + 1] = staged[_procedureKey];
        if (!_fact.Insert(_row)) return false;

        if (++_inserted == Math.Max(_rowsBefore, RebuildIndexesFrom)) DropSecondaryIndexes();
        _fromKey = Math.Min(_fromKey, day);
        _toKey = Math.Max(_toKey, staged[_endKey] is int end ? end : _stamp.AsOfKey);
        return true;
    }

    /// <summary>The members' attributes, and the days the new dossiers count in queued for rebuild (the merge queues
    /// those of the dossiers it changes).</summary>
    public async Task<long> CompleteAsync(CancellationToken ct = default)
    {
        foreach (var index in _droppedIndexes ?? [])
            await StepTrace.TimeAsync("rebuild_index", () => _connection.ExecuteAsync(new CommandDefinition(index, transaction: _transaction,
                commandTimeout: 0, cancellationToken: ct)));
        await _keys.CompleteAsync(ct);
        if (_inserted > 0)
            await _connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO etl_rebuild_queue (snapshot_id, from_date_key, to_date_key, marked_at) VALUES (@SnapshotId, @from, @to, @Now)",
                new { _stamp.SnapshotId, from = _fromKey, to = _toKey, _stamp.Now }, _transaction, cancellationToken: ct));
        return _inserted;
    }

    private void DropSecondaryIndexes()
    {
        _droppedIndexes = [];
        foreach (var (name, sql) in _connection.Query<(string Name, string Sql)>(
                     "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'fact_dossier' AND sql IS NOT NULL " +
                     "AND sql NOT LIKE 'CREATE UNIQUE%'", transaction: _transaction))
        {
            _connection.Execute($"DROP INDEX \"{name}\"", transaction: _transaction);
            _droppedIndexes.Add(sql);
        }
        StepTrace.Write($"secondary indexes dropped after {_inserted:N0} new dossiers, rebuilt at the end: {_droppedIndexes.Count}");
    }

    public ValueTask DisposeAsync() => _fact.DisposeAsync();
}
