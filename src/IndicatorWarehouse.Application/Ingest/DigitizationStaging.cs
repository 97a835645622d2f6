using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Warehouse.Loading;

namespace IndicatorWarehouse.Application.Ingest;

/// <summary>Digitization records → <c>stg_digitization</c>; the unit's key comes last, empty: the dialect fills it.</summary>
internal static class DigitizationStaging
{
    public static readonly LoadTarget Target = new("load/digitization.sql", "stg_digitization",
    [
        "dossier_code", "agency_code", "documents_submitted", "documents_digitized", "documents_reused",
        "from_personal_store", "population_db_used", "result_required", "result_electronic", "result_file_url", "agency_key",
    ]);

    /// <summary>The value of a field <c>value_bounds.csv</c> may bound.</summary>
    public static double Bounded(DigitizationRecord d, string field) => field switch
    {
        "documents_submitted" => d.DocumentsSubmitted,
        "documents_digitized" => d.DocumentsDigitized,
        "documents_reused" => d.DocumentsReused,
        _ => throw new InvalidDataException($"value_bounds.csv: digitization has no bounded field '{field}'"),
    };

    public static object?[] Values(DigitizationRecord d) =>
    [
        d.DossierCode, d.AgencyCode, d.DocumentsSubmitted, d.DocumentsDigitized, d.DocumentsReused,
        d.FromPersonalStore ? 1 : 0, d.PopulationDbUsed ? 1 : 0, Flag(d.ResultRequired), Flag(d.ResultElectronic), d.ResultFileUrl, null,
    ];

    private static int? Flag(bool? b) => b is null ? null : b.Value ? 1 : 0;
}
