using IndicatorWarehouse.Ingestion.Records;

namespace IndicatorWarehouse.Ingestion.Validation;

/// <summary>Digitization rows: the dossier and agency, counts (empty = none; no more digitized than submitted) and 0/1 flags.</summary>
internal sealed class DigitizationRowValidator : IRowValidator<DigitizationRecord>
{
    public static readonly DigitizationRowValidator Instance = new();
    private static readonly CanonicalSchema S = CanonicalSchema.Digitization;
    private static readonly CanonicalField DossierCode = S["dossier_code"], AgencyCode = S["agency_code"],
        Submitted = S["documents_submitted"], Digitized = S["documents_digitized"], Reused = S["documents_reused"],
        FromPersonalStore = S["from_personal_store"], PopulationDbUsed = S["population_db_used"],
        ResultRequired = S["result_required"], ResultElectronic = S["result_electronic"], ResultFileUrl = S["result_file_url"];

    public CanonicalSchema Schema => S;

    public DigitizationRecord? Validate(FieldReader row)
    {
        var code = row.Key = row.RequiredRecordCode(DossierCode);
        var agency = row.RequiredCode(AgencyCode);
        var (submitted, digitized) = (row.Count(Submitted), row.Count(Digitized));
        if (digitized > submitted && !row.HasProblem(Submitted) && !row.HasProblem(Digitized))
            row.Fail(Digitized, ProblemText.Of($"{ProblemText.Count(digitized)} giấy tờ số hóa nhưng hồ sơ chỉ nộp {ProblemText.Count(submitted)}",
                $"{digitized} documents digitized, but only {submitted} were submitted"));
        var record = new DigitizationRecord(code, agency, submitted, digitized, row.Count(Reused),
            row.Flag(FromPersonalStore), row.Flag(PopulationDbUsed),
            row.OptionalFlag(ResultRequired), row.OptionalFlag(ResultElectronic), row.Text(ResultFileUrl));
        return row.Problem is null ? record : null;
    }
}
