using System.Data.Common;
using Dapper;
using IndicatorWarehouse.Warehouse.Loading;
using Microsoft.Data.Sqlite;

namespace IndicatorWarehouse.Warehouse.Dialects.Sqlite;

/// <summary>The digitization load's direct path (see <see cref="SqliteDirectInsert"/>): the record carries no date, so its unit
/// is the version valid on the as-of day; the new records' days are their dossiers', read once the rows are in.</summary>
internal sealed class SqliteDigitizationInsert : SqliteDirectInsert
{
    public const string Script = "load/digitization.sql";

    private static readonly string[] Columns =
    [
        "dossier_code", "agency_key", "documents_submitted", "documents_digitized", "documents_reused", "from_personal_store",
        "population_db_used", "result_required", "result_electronic", "result_file_url",
    ];

    private readonly int _agencyCode, _agencyKey;

    private SqliteDigitizationInsert(SqliteConnection connection, DbTransaction transaction, LoadTarget target, SnapshotStamp stamp,
        SqliteDimensionKeys keys, long rowsBefore)
        : base(connection, transaction, target, stamp, keys, rowsBefore, "fact_digitization", "dossier_code", Columns)
    {
        (_agencyCode, _agencyKey) = (At("agency_code"), At("agency_key"));
    }

    public static async Task<SqliteDigitizationInsert> CreateAsync(SqliteConnection connection, DbTransaction transaction, LoadTarget target,
        SnapshotStamp stamp, CancellationToken ct) =>
        new(connection, transaction, target, stamp, await SqliteDimensionKeys.LoadAsync(connection, transaction, ct),
            await RowsAsync(connection, transaction, "fact_digitization", ct));

    // An unknown unit is inferred under its code: the record names no unit.
    protected override void Resolve(object?[] staged) =>
        staged[_agencyKey] = Keys.Agency((string)staged[_agencyCode]!, name: null, Stamp.AsOfKey);

    // Digitization counts by its dossier's received day (and processed day for results). The new records are the rows
    // appended after the highest rowid the table had: a range of the table, not a scan of it. When they are as many as
    // half the dossiers (a history's first load), the span of all dossiers and the as-of day is queued instead: their
    // indexes give it at once, where a look-up of each record's dossier took 1.5 s at 1M; it holds every day the
    // look-ups would give, and such a load touches nearly all of them anyway.
    protected override async Task<int> CompleteInsertsAsync(CancellationToken ct)
    {
        var parameters = new { Stamp.SnapshotId, Stamp.AsOfKey, Stamp.Now, rowsBefore = RowsBefore };
        var wholeSpan = Inserted * 2 >= await RowsAsync(Connection, Transaction, "fact_dossier", ct);
        return await Connection.ExecuteAsync(new CommandDefinition(wholeSpan ? WholeSpan : DossiersOfTheNewRecords, parameters, Transaction,
            commandTimeout: 0, cancellationToken: ct));
    }

    private const string DossiersOfTheNewRecords = """
        INSERT INTO etl_rebuild_queue (snapshot_id, from_date_key, to_date_key, marked_at)
        SELECT @SnapshotId, MIN(COALESCE(d.received_date_key, @AsOfKey)), MAX(COALESCE(d.end_date_key, @AsOfKey)), @Now
        FROM fact_digitization g LEFT JOIN fact_dossier d ON d.dossier_code = g.dossier_code
        WHERE g.rowid > @rowsBefore AND g.first_snapshot_id = @SnapshotId
        """;

    private const string WholeSpan = """
        INSERT INTO etl_rebuild_queue (snapshot_id, from_date_key, to_date_key, marked_at)
        SELECT @SnapshotId, MIN(COALESCE((SELECT MIN(received_date_key) FROM fact_dossier), @AsOfKey), @AsOfKey),
               MAX(COALESCE((SELECT MAX(end_date_key) FROM fact_dossier), @AsOfKey), @AsOfKey), @Now
        """;
}
