using System.Data.Common;
using Dapper;
using IndicatorWarehouse.Warehouse.Loading;
using Microsoft.Data.Sqlite;

namespace IndicatorWarehouse.Warehouse.Dialects.Sqlite;

/// <summary>The one-stop load's direct path (see <see cref="SqliteDirectInsert"/>): the unit valid on the day the dossier
/// was received, its procedure and field; the new dossiers' days queued for rebuild from the rows as they pass.</summary>
internal sealed class SqliteDossierInsert : SqliteDirectInsert
{
    public const string Script = "load/dossier.sql";

    private static readonly string[] Columns =
    [
        "dossier_code", "agency_key", "procedure_key", "channel_key", "applicant_type", "received_at", "due_at", "finished_at",
        "returned_at", "status", "fee_amount", "paid_online", "supplement_requests", "supplement_wait_days", "apology_issued",
        "late_reason", "citizen_rating", "received_date_key", "end_date_key", "deadline_date_key", "outcome", "overdue_from_key",
        "is_withdrawn",
    ];

    private readonly int _agencyCode, _agencyName, _procedureCode, _procedureName, _fieldCode, _fieldName, _onlineService;
    private readonly int _agencyKey, _procedureKey, _receivedKey, _endKey;
    private int _fromKey = int.MaxValue, _toKey;

    private SqliteDossierInsert(SqliteConnection connection, DbTransaction transaction, LoadTarget target, SnapshotStamp stamp,
        SqliteDimensionKeys keys, long rowsBefore) : base(connection, transaction, target, stamp, keys, rowsBefore, "fact_dossier", "dossier_code", Columns)
    {
        (_agencyCode, _agencyName, _procedureCode, _procedureName) = (At("agency_code"), At("agency_name"), At("procedure_code"), At("procedure_name"));
        (_fieldCode, _fieldName, _onlineService) = (At("field_code"), At("field_name"), At("online_service"));
        (_agencyKey, _procedureKey, _receivedKey, _endKey) = (At("agency_key"), At("procedure_key"), At("received_date_key"), At("end_date_key"));
    }

    public static async Task<SqliteDossierInsert> CreateAsync(SqliteConnection connection, DbTransaction transaction, LoadTarget target,
        SnapshotStamp stamp, CancellationToken ct) =>
        new(connection, transaction, target, stamp, await SqliteDimensionKeys.LoadAsync(connection, transaction, ct),
            await RowsAsync(connection, transaction, "fact_dossier", ct));

    protected override void Resolve(object?[] staged)
    {
        staged[_agencyKey] = Keys.Agency((string)staged[_agencyCode]!, (string?)staged[_agencyName], (int)staged[_receivedKey]!);
        staged[_procedureKey] = Keys.Procedure((string)staged[_procedureCode]!, (string?)staged[_procedureName],
            Keys.Field((string?)staged[_fieldCode], (string?)staged[_fieldName]), (string?)staged[_onlineService]);
    }

    // The days a new dossier counts in: received to ended, or to the as-of while pending (the merge queues the changed ones).
    protected override void Inserting(object?[] staged)
    {
        _fromKey = Math.Min(_fromKey, (int)staged[_receivedKey]!);
        _toKey = Math.Max(_toKey, staged[_endKey] is int end ? end : Stamp.AsOfKey);
    }

    protected override Task<int> CompleteInsertsAsync(CancellationToken ct) => Connection.ExecuteAsync(new CommandDefinition(
        "INSERT INTO etl_rebuild_queue (snapshot_id, from_date_key, to_date_key, marked_at) VALUES (@SnapshotId, @from, @to, @Now)",
        new { Stamp.SnapshotId, from = _fromKey, to = _toKey, Stamp.Now }, Transaction, cancellationToken: ct));
}
