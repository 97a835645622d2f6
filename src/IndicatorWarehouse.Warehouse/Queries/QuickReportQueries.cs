using System.Data.Common;
using Dapper;

namespace IndicatorWarehouse.Warehouse.Queries;

// The rows below are property records, not positional ones: Dapper fills a positional record only when every
// column has exactly its parameter's type, and the databases type the same column differently (a count is
// Int64 on SQLite and Int32 on SQL Server, a timestamp text on SQLite and datetime2 on SQL Server). Properties
// take the value converted.

/// <summary>Dossier counts of one unit over a day range, by the same rules as the build (scope: received by the
/// last day and not ended before the first; status 3 left out).</summary>
public sealed record DossierTally
{
    public long Total { get; init; }
    public long Processed { get; init; }
    public long Early { get; init; }
    public long OnTime { get; init; }
    public long Late { get; init; }
    public long LateWithApology { get; init; }
    public long Pending { get; init; }
    public long PendingOverdue { get; init; }
    public long ReceivedInRange { get; init; }
    public long Digitized { get; init; }
    public long ResultRequired { get; init; }
    public long ResultElectronic { get; init; }
}

/// <summary>PAKN counts of one unit over a day range.</summary>
public sealed record PaknTally
{
    public long Received { get; init; }
    public long Handled { get; init; }
    public long HandledOnTime { get; init; }
    public long Pending { get; init; }
    public long PendingOverdue { get; init; }
}

/// <summary>A dossier named in the quick report (a late one with its reason, or one falling due soon).</summary>
public sealed record DossierLine
{
    public string dossier_code { get; init; } = "";
    public string? procedure_name { get; init; }
    public string? field_name { get; init; }
    public DateTime received_at { get; init; }
    public DateTime? due_at { get; init; }
    public long? deadline_date_key { get; init; }
    public DateTime? finished_at { get; init; }
    public string? late_reason { get; init; }
    public long apology_issued { get; init; }
}

/// <summary>The daily quick report's figures (seed 001, annex) for one unit, read straight from the facts so
/// any day can be reported, not only built periods.</summary>
public sealed class QuickReportQueries(DbConnection connection)
{
    private static readonly string Scope = $"""
        FROM fact_dossier d JOIN dim_agency a ON a.agency_key = d.agency_key
        LEFT JOIN fact_digitization g ON g.dossier_code = d.dossier_code
        WHERE a.agency_code = @agency AND {DossierScope.InRange("@from", "@to")}
        """;

    /// <summary>The dossiers of the unit (status 3 left out) as the report lists them; callers add conditions.</summary>
    private static readonly string Lines = $"""
        SELECT d.dossier_code, p.procedure_name, f.field_name, d.received_at, d.due_at, d.deadline_date_key, d.finished_at, d.late_reason, d.apology_issued
        FROM fact_dossier d JOIN dim_agency a ON a.agency_key = d.agency_key
        JOIN dim_procedure p ON p.procedure_key = d.procedure_key LEFT JOIN dim_field f ON f.field_key = p.field_key
        WHERE a.agency_code = @agency AND {DossierScope.Counted}
        """;

    public Task<DossierTally> DossiersAsync(string agency, int from, int to) => connection.QuerySingleAsync<DossierTally>($"""
        SELECT COUNT(*) AS Total,
            COALESCE(SUM(CASE WHEN d.end_date_key <= @to THEN 1 ELSE 0 END), 0) AS Processed,
            COALESCE(SUM(CASE WHEN d.end_date_key <= @to AND d.outcome = 1 THEN 1 ELSE 0 END), 0) AS Early,
            COALESCE(SUM(CASE WHEN d.end_date_key <= @to AND d.outcome = 2 THEN 1 ELSE 0 END), 0) AS OnTime,
            COALESCE(SUM(CASE WHEN d.end_date_key <= @to AND d.outcome = 3 THEN 1 ELSE 0 END), 0) AS Late,
            COALESCE(SUM(CASE WHEN d.end_date_key <= @to AND d.outcome = 3 AND d.apology_issued = 1 THEN 1 ELSE 0 END), 0) AS LateWithApology,
            COALESCE(SUM(CASE WHEN d.end_date_key IS NULL OR d.end_date_key > @to THEN 1 ELSE 0 END), 0) AS Pending,
            COALESCE(SUM(CASE WHEN (d.end_date_key IS NULL OR d.end_date_key > @to) AND d.overdue_from_key <= @to THEN 1 ELSE 0 END), 0) AS PendingOverdue,
            COALESCE(SUM(CASE WHEN d.received_date_key >= @from THEN 1 ELSE 0 END), 0) AS ReceivedInRange,
            COALESCE(SUM(CASE WHEN d.received_date_key >= @from AND g.documents_digitized > 0 THEN 1 ELSE 0 END), 0) AS Digitized,
            COALESCE(SUM(CASE WHEN d.end_date_key <= @to AND d.is_withdrawn = 0 AND g.result_required = 1 THEN 1 ELSE 0 END), 0) AS ResultRequired,
            COALESCE(SUM(CASE WHEN d.end_date_key <= @to AND d.is_withdrawn = 0 AND g.result_required = 1 AND g.result_electronic = 1 THEN 1 ELSE 0 END), 0) AS ResultElectronic
        {Scope}
        """, new { agency, from, to });

    public async Task<IReadOnlyList<DossierLine>> LateAsync(string agency, int from, int to) => (await connection.QueryAsync<DossierLine>($"""
        {Lines}
          AND d.outcome = 3
          AND d.end_date_key BETWEEN @from AND @to
        ORDER BY d.end_date_key, d.dossier_code
        """, new { agency, from, to })).ToList();

    /// <summary>Dossiers still open on <paramref name="day"/> whose deadline falls on one of the given days.</summary>
    public async Task<IReadOnlyList<DossierLine>> FallingDueAsync(string agency, int day, IReadOnlyList<int> dueDays) => (await connection.QueryAsync<DossierLine>($"""
        {Lines}
          AND {DossierScope.OpenOn("@day")}
          AND d.deadline_date_key IN @dueDays
        ORDER BY d.deadline_date_key, d.dossier_code
        """, new { agency, day, dueDays })).ToList();

    public Task<PaknTally> PaknAsync(string agency, int from, int to) => connection.QuerySingleAsync<PaknTally>("""
        SELECT COALESCE(SUM(CASE WHEN k.received_date_key >= @from THEN 1 ELSE 0 END), 0) AS Received,
            COALESCE(SUM(CASE WHEN k.handled_date_key <= @to THEN 1 ELSE 0 END), 0) AS Handled,
            COALESCE(SUM(CASE WHEN k.handled_date_key <= @to AND k.handled_date_key <= k.deadline_date_key THEN 1 ELSE 0 END), 0) AS HandledOnTime,
            COALESCE(SUM(CASE WHEN k.handled_date_key IS NULL OR k.handled_date_key > @to THEN 1 ELSE 0 END), 0) AS Pending,
            COALESCE(SUM(CASE WHEN (k.handled_date_key IS NULL OR k.handled_date_key > @to) AND k.deadline_date_key < @to THEN 1 ELSE 0 END), 0) AS PendingOverdue
        FROM fact_pakn k JOIN dim_agency a ON a.agency_key = k.agency_key
        WHERE a.agency_code = @agency AND k.received_date_key <= @to AND (k.handled_date_key IS NULL OR k.handled_date_key >= @from)
        """, new { agency, from, to });
}
