using IndicatorWarehouse.Domain.Counting;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Warehouse.Loading;

namespace IndicatorWarehouse.Application.Ingest;

/// <summary>One-stop dossiers → <c>stg_dossier</c>, with the counting-rule facts (deadline, outcome, overdue
/// day) derived here once so the measure build only compares day keys. The unit and procedure keys come last, empty:
/// the dialect fills them (in memory on SQLite, by the script's resolve_keys step on SQL Server).</summary>
internal static class DossierStaging
{
    public static readonly LoadTarget Target = new("load/dossier.sql", "stg_dossier",
    [
        "dossier_code", "procedure_code", "procedure_name", "field_code", "field_name", "agency_code", "agency_name",
        "applicant_type", "received_at", "due_at", "finished_at", "returned_at", "status", "channel_key", "online_service",
        "fee_amount", "paid_online", "supplement_requests", "supplement_wait_days", "apology_issued", "late_reason",
        "citizen_rating", "received_date_key", "end_date_key", "deadline_date_key", "outcome", "overdue_from_key", "is_withdrawn",
        "agency_key", "procedure_key",
    ]);

    /// <summary>The value of a field <c>value_bounds.csv</c> may bound.</summary>
    public static double Bounded(DossierRecord d, string field) => field switch
    {
        "supplement_wait_days" => (double)d.SupplementWaitDays,
        "supplement_requests" => d.SupplementRequests,
        _ => throw new InvalidDataException($"value_bounds.csv: onestop has no bounded field '{field}'"),
    };

    public static object?[] Values(DossierRecord d)
    {
        var t = DossierTimeline.Of(d.ReceivedAt, d.DueAt, d.FinishedAt, d.ReturnedAt, d.Status, d.SupplementRequests, d.SupplementWaitDays);
        return
        [
            d.DossierCode, d.ProcedureCode, d.ProcedureName, d.FieldCode, d.FieldName, d.AgencyCode, d.AgencyName,
            d.ApplicantType, d.ReceivedAt, d.DueAt, d.FinishedAt, d.ReturnedAt, d.Status,
            d.Channel ?? 1, // empty channel = in person (source-formats.md)
            d.OnlineService, (double)d.FeeAmount, d.PaidOnline, d.SupplementRequests, (double)d.SupplementWaitDays,
            d.ApologyIssued ? 1 : 0, d.LateReason, d.CitizenRating,
            t.ReceivedDateKey, t.EndDateKey, t.DeadlineDateKey, (int?)t.Outcome, t.OverdueFromKey, t.IsWithdrawn ? 1 : 0,
            null, null,
        ];
    }
}
