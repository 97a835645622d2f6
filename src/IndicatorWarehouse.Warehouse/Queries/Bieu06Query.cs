using System.Data.Common;
using Dapper;

namespace IndicatorWarehouse.Warehouse.Queries;

/// <summary>One unit and field of Biểu 06: the unit as it is named now (its latest version), the field as the
/// procedures name it (null when the procedure has no field), and its counts.</summary>
/// <param name="AgencyOrder">Position of the unit in the reference list (its first key), the order forms list units in.</param>
public sealed record Bieu06Line(string AgencyCode, string AgencyName, string AgencyLevel, long AgencyOrder,
    string? FieldCode, string? FieldName, Bieu06Counts Counts);

/// <summary>Biểu 06 counts per unit × field for any day range, straight from fact_dossier: the build stores no
/// field grain, and any period can be reported whether built or not. The rules are the build's (sql/…/build/measures.sql):
/// scope = <see cref="DossierScope.InRange"/>; outcome and overdue_from_key were derived at load by Domain/Counting.
/// A unit that has ended by the range's last day reports nothing: its dossiers are counted by the unit that took
/// them over (<see cref="ReportingUnits"/>), those still open in its "kỳ trước chuyển qua".</summary>
public sealed class Bieu06Query(DbConnection connection)
{
    // Sums are cast to BIGINT so that every database hands back the same 64-bit type. Dossiers of an ended unit
    // are kept apart by procedure, which decides the successor of a split unit's dossier.
    private static readonly string Sql = $"""
        SELECT c.agency_code AS AgencyCode, c.procedure_code AS ProcedureCode, f.field_code AS FieldCode, f.field_name AS FieldName,
               c.received_in_p + c.carried_over AS ReceivedTotal, c.received_online AS ReceivedOnline,
               c.received_in_p - c.received_online AS ReceivedOffline, c.carried_over AS CarriedOver,
               c.processed_total AS ProcessedTotal, c.processed_early AS ProcessedEarly,
               c.processed_on_time AS ProcessedOnTime, c.processed_late AS ProcessedLate,
               c.pending_total AS PendingTotal, c.pending_total - c.pending_overdue AS PendingWithinDue,
               c.pending_overdue AS PendingOverdue
        FROM (
            SELECT x.agency_code, x.field_key, x.procedure_code,
                CAST(SUM(x.in_p) AS BIGINT) AS received_in_p, CAST(SUM(1 - x.in_p) AS BIGINT) AS carried_over,
                CAST(SUM(x.in_p * x.online) AS BIGINT) AS received_online,
                CAST(SUM(x.processed) AS BIGINT) AS processed_total,
                CAST(SUM(x.processed * x.early) AS BIGINT) AS processed_early,
                CAST(SUM(x.processed * x.on_time) AS BIGINT) AS processed_on_time,
                CAST(SUM(x.processed * x.late) AS BIGINT) AS processed_late,
                CAST(SUM(1 - x.processed) AS BIGINT) AS pending_total, CAST(SUM(x.overdue) AS BIGINT) AS pending_overdue
            FROM (
                SELECT a.agency_code, p.field_key, CASE WHEN a.agency_code IN @ended THEN p.procedure_code END AS procedure_code,
                    CASE WHEN d.received_date_key >= @startKey THEN 1 ELSE 0 END AS in_p,
                    CASE WHEN d.channel_key = 2 THEN 1 ELSE 0 END AS online,
                    CASE WHEN d.end_date_key <= @endKey THEN 1 ELSE 0 END AS processed,
                    CASE WHEN d.outcome = 1 THEN 1 ELSE 0 END AS early,
                    CASE WHEN d.outcome = 2 THEN 1 ELSE 0 END AS on_time,
                    CASE WHEN d.outcome = 3 THEN 1 ELSE 0 END AS late,
                    CASE WHEN (d.end_date_key IS NULL OR d.end_date_key > @endKey) AND d.overdue_from_key <= @judgedKey THEN 1 ELSE 0 END AS overdue
                FROM fact_dossier d
                JOIN dim_agency a ON a.agency_key = d.agency_key
                JOIN dim_procedure p ON p.procedure_key = d.procedure_key
                WHERE {DossierScope.InRange("@startKey", "@endKey")}
                  AND ((@agency IS NULL OR a.agency_code = @agency) AND (@province IS NULL OR a.province_code = @province)
                       OR a.agency_code IN @incoming)
            ) x
            GROUP BY x.agency_code, x.field_key, x.procedure_code
        ) c
        LEFT JOIN dim_field f ON f.field_key = c.field_key
        """;

    /// <summary>Lines of the units (one unit, or those of one province, or all) with dossiers in [startKey, endKey]
    /// (yyyymmdd day keys), in no particular order. A pending dossier is overdue once its first overdue day has come
    /// by the period's end or, for a period still open, by the data's as-of day (<paramref name="asOfKey"/>), as the build
    /// judges it.</summary>
    public async Task<IReadOnlyList<Bieu06Line>> LinesAsync(int startKey, int endKey, string? agency = null, string? province = null,
        int? asOfKey = null)
    {
        var units = await ReportingUnits.LoadAsync(connection, Domain.Calendar.DateKey.ToDate(endKey));
        bool InScope(string code) => (agency is null || code == agency) && (province is null || units.ProvinceOf(code) == province);
        var incoming = units.EndedReportedBy(InScope);
        var parts = await connection.QueryAsync<Bieu06Part, Bieu06Sums, (Bieu06Part Part, Bieu06Counts Counts)>(Sql,
            (part, sums) => (part, sums.ToCounts()),
            new { startKey, endKey, judgedKey = asOfKey is { } k && k < endKey ? k : endKey, agency, province, ended = units.Ended.ToList(), incoming }, splitOn: nameof(Bieu06Counts.ReceivedTotal));
        var lines = parts
            .Select(p => (Holder: units.HolderOf(p.Part.AgencyCode, p.Part.ProcedureCode, p.Part.FieldCode), p.Part.FieldCode, p.Part.FieldName, p.Counts))
            .Where(p => InScope(p.Holder))
            .GroupBy(p => (p.Holder, p.FieldCode, p.FieldName))
            .ToList();
        // Nothing in scope: the names query would come back empty as well, and SQLite types the columns of an empty
        // result byte[], which the record's constructor does not take.
        if (lines.Count == 0) return [];
        var names = (await connection.QueryAsync<Bieu06Unit>("""
            SELECT n.agency_code AS AgencyCode, n.agency_name AS AgencyName, n.agency_level AS AgencyLevel,
                   (SELECT CAST(MIN(o.agency_key) AS BIGINT) FROM dim_agency o WHERE o.agency_code = n.agency_code) AS AgencyOrder
            FROM dim_agency n
            WHERE n.agency_code IN @codes AND n.valid_from = (SELECT MAX(b.valid_from) FROM dim_agency b WHERE b.agency_code = n.agency_code)
            """, new { codes = lines.Select(g => g.Key.Holder).Distinct().ToList() })).ToDictionary(u => u.AgencyCode);
        return lines.Select(g =>
        {
            var unit = names[g.Key.Holder];
            return new Bieu06Line(unit.AgencyCode, unit.AgencyName, unit.AgencyLevel, unit.AgencyOrder, g.Key.FieldCode, g.Key.FieldName,
                Bieu06Counts.Sum(g.Select(p => p.Counts)));
        }).ToList();
    }

    /// <summary>Settable properties: Dapper matches a positional record's constructor on column types, and the
    /// procedure column is NULL in most rows (typed byte[] by SQLite).</summary>
    private sealed class Bieu06Part
    {
        public string AgencyCode { get; init; } = "";
        public string? ProcedureCode { get; init; }
        public string? FieldCode { get; init; }
        public string? FieldName { get; init; }
    }
    /// <summary>The counts, settable for the same reason: a range with no dossier in scope (a unit without any, a new or
    /// inferred unit, one with only PAKN) gives no row, and SQLite then types every column byte[], which no constructor of
    /// longs matches.</summary>
    private sealed class Bieu06Sums
    {
        public long ReceivedTotal { get; init; }
        public long ReceivedOnline { get; init; }
        public long ReceivedOffline { get; init; }
        public long CarriedOver { get; init; }
        public long ProcessedTotal { get; init; }
        public long ProcessedEarly { get; init; }
        public long ProcessedOnTime { get; init; }
        public long ProcessedLate { get; init; }
        public long PendingTotal { get; init; }
        public long PendingWithinDue { get; init; }
        public long PendingOverdue { get; init; }

        public Bieu06Counts ToCounts() => new(ReceivedTotal, ReceivedOnline, ReceivedOffline, CarriedOver, ProcessedTotal, ProcessedEarly,
            ProcessedOnTime, ProcessedLate, PendingTotal, PendingWithinDue, PendingOverdue);
    }

    private sealed record Bieu06Unit(string AgencyCode, string AgencyName, string AgencyLevel, long AgencyOrder);
}
