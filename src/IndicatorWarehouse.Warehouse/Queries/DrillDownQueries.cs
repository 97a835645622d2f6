using System.Data.Common;
using Dapper;

namespace IndicatorWarehouse.Warehouse.Queries;

/// <summary>A dossier in a unit's scope for a period (received by its end, not ended before its start, status 3
/// left out), with the facts the counting rules look at. Property records: see QuickReportQueries.</summary>
public sealed record DossierFacts
{
    public string dossier_code { get; init; } = "";
    public string? procedure_name { get; init; }
    public string? field_name { get; init; }
    public long channel_key { get; init; }
    public DateTime received_at { get; init; }
    public DateTime? due_at { get; init; }
    public DateTime? finished_at { get; init; }
    public long received_date_key { get; init; }
    public long? end_date_key { get; init; }
    public long? deadline_date_key { get; init; }
    public long? outcome { get; init; }
    public long? overdue_from_key { get; init; }
    public long supplement_requests { get; init; }
    public long is_withdrawn { get; init; }
    public long? status { get; init; }
    public double fee_amount { get; init; }
    public long paid_online { get; init; }
    public string? citizen_rating { get; init; }
    public long apology_issued { get; init; }
    public string? late_reason { get; init; }
    public long has_digitization { get; init; }
    public long? documents_digitized { get; init; }
    public long? documents_reused { get; init; }
    public long? result_required { get; init; }
    public long? result_electronic { get; init; }
    public long? from_personal_store { get; init; }
    public long? population_db_used { get; init; }
}

/// <summary>A PAKN in a unit's scope for a period (received by its end, not handled before its start).</summary>
public sealed record PaknFacts
{
    public string feedback_code { get; init; } = "";
    public string? category { get; init; }
    public string? channel { get; init; }
    public DateTime received_at { get; init; }
    public long received_date_key { get; init; }
    public long? handled_date_key { get; init; }
    public long deadline_date_key { get; init; }
    public string? reaction { get; init; }
}

/// <summary>The records behind a unit's figures for one period: what a drill-down lists.</summary>
public sealed class DrillDownQueries(DbConnection connection)
{
    public async Task<IReadOnlyList<DossierFacts>> DossiersAsync(string agency, int startKey, int endKey) => (await connection.QueryAsync<DossierFacts>($"""
        SELECT d.dossier_code, p.procedure_name, f.field_name, d.channel_key, d.received_at, d.due_at, d.finished_at,
               d.received_date_key, d.end_date_key, d.deadline_date_key, d.outcome, d.overdue_from_key, d.supplement_requests,
               d.is_withdrawn, d.status, d.fee_amount, d.paid_online, d.citizen_rating, d.apology_issued, d.late_reason,
               CASE WHEN g.dossier_code IS NULL THEN 0 ELSE 1 END AS has_digitization,
               g.documents_digitized, g.documents_reused, g.result_required, g.result_electronic, g.from_personal_store, g.population_db_used
        FROM fact_dossier d
        JOIN dim_agency a ON a.agency_key = d.agency_key
        JOIN dim_procedure p ON p.procedure_key = d.procedure_key
        LEFT JOIN dim_field f ON f.field_key = p.field_key
        LEFT JOIN fact_digitization g ON g.dossier_code = d.dossier_code
        WHERE a.agency_code = @agency AND {DossierScope.InRange("@startKey", "@endKey")}
        ORDER BY d.received_date_key, d.dossier_code
        """, new { agency, startKey, endKey })).ToList();

    public async Task<IReadOnlyList<PaknFacts>> PaknAsync(string agency, int startKey, int endKey) => (await connection.QueryAsync<PaknFacts>("""
        SELECT k.feedback_code, k.category, k.channel, k.received_at, k.received_date_key, k.handled_date_key, k.deadline_date_key, k.reaction
        FROM fact_pakn k JOIN dim_agency a ON a.agency_key = k.agency_key
        WHERE a.agency_code = @agency AND k.received_date_key <= @endKey AND (k.handled_date_key IS NULL OR k.handled_date_key >= @startKey)
        ORDER BY k.received_date_key, k.feedback_code
        """, new { agency, startKey, endKey })).ToList();
}
