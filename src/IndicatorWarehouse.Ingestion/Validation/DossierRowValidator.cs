using IndicatorWarehouse.Ingestion.Records;

namespace IndicatorWarehouse.Ingestion.Validation;

/// <summary>One-stop dossier rows: required fields, codes of the one pattern, dates in order and none after the
/// snapshot's as-of time, known codes.</summary>
internal sealed class DossierRowValidator : IRowValidator<DossierRecord>
{
    public static readonly DossierRowValidator Instance = new();
    private static readonly CanonicalSchema S = CanonicalSchema.Onestop;
    private static readonly CanonicalField DossierCode = S["dossier_code"], ProcedureCode = S["procedure_code"],
        ProcedureName = S["procedure_name"], FieldCode = S["field_code"], FieldName = S["field_name"],
        AgencyCode = S["agency_code"], AgencyName = S["agency_name"], ApplicantType = S["applicant_type"],
        ReceivedAt = S["received_at"], DueAt = S["due_at"], FinishedAt = S["finished_at"], ReturnedAt = S["returned_at"],
        Status = S["status"], Channel = S["channel"], OnlineService = S["online_service"], FeeAmount = S["fee_amount"],
        PaidOnline = S["paid_online"], SupplementRequests = S["supplement_requests"],
        SupplementWaitDays = S["supplement_wait_days"], ApologyIssued = S["apology_issued"],
        LateReason = S["late_reason"], CitizenRating = S["citizen_rating"];

    public CanonicalSchema Schema => S;

    public DossierRecord? Validate(FieldReader row)
    {
        var code = row.Key = row.RequiredRecordCode(DossierCode);
        var procedure = row.RequiredCode(ProcedureCode);
        var agency = row.RequiredCode(AgencyCode);
        var received = row.RequiredDate(ReceivedAt);
        row.NotAfterAsOf(ReceivedAt, received);
        var due = row.Date(DueAt);
        var finished = row.Date(FinishedAt);
        row.NotBefore(FinishedAt, finished, ReceivedAt, received);
        row.NotAfterAsOf(FinishedAt, finished);
        var returned = row.Date(ReturnedAt);
        row.NotBefore(ReturnedAt, returned, ReceivedAt, received);
        row.NotAfterAsOf(ReturnedAt, returned);
        var record = new DossierRecord(code, procedure, row.Text(ProcedureName), row.Code(FieldCode), row.Text(FieldName),
            agency, row.Text(AgencyName), row.NumberCode(ApplicantType, 1, 2),
            received, due, finished, returned,
            row.NumberCode(Status, 1, 10), row.NumberCode(Channel, 1, 3), row.NamedCode(OnlineService, CanonicalCodes.OnlineService),
            row.Amount(FeeAmount), row.NumberCode(PaidOnline, 0, 2) ?? 0, row.Count(SupplementRequests), row.Amount(SupplementWaitDays),
            row.Flag(ApologyIssued), row.Text(LateReason), row.NamedCode(CitizenRating, CanonicalCodes.Reaction));
        return row.Problem is null ? record : null;
    }
}
