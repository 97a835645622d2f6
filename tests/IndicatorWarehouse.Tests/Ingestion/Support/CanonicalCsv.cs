using System.Text;
using IndicatorWarehouse.Ingestion.Records;

namespace IndicatorWarehouse.Tests.Ingestion.Support;

/// <summary>Builds canonical CSV text: a valid record per row, with the fields a test changes.</summary>
public static class CanonicalCsv
{
    public static readonly IReadOnlyDictionary<string, string> ValidDossier = new Dictionary<string, string>
    {
        ["dossier_code"] = "H57.22-261008-0975", ["procedure_code"] = "1.005129", ["procedure_name"] = "Cấp chứng chỉ hành nghề dược",
        ["field_code"] = "DUOC", ["field_name"] = "Dược phẩm", ["agency_code"] = "TNI.SYT", ["agency_name"] = "Sở Y tế Tây Ninh",
        ["applicant_type"] = "1", ["received_at"] = "2026-10-08T09:15:00", ["due_at"] = "2026-10-22",
        ["finished_at"] = "2026-10-20T16:00:00", ["returned_at"] = "2026-10-21T08:30:00", ["status"] = "10", ["channel"] = "2",
        ["online_service"] = "toan_trinh", ["fee_amount"] = "500000", ["paid_online"] = "1", ["supplement_requests"] = "1",
        ["supplement_wait_days"] = "2.5", ["apology_issued"] = "0", ["late_reason"] = "", ["citizen_rating"] = "like",
    };

    public static readonly IReadOnlyDictionary<string, string> ValidPakn = new Dictionary<string, string>
    {
        ["feedback_code"] = "PAKN-1", ["agency_code"] = "TNI.SYT", ["channel"] = "hotline_1022", ["category"] = "procedure",
        ["received_at"] = "2026-10-01T09:00:00", ["transferred_at"] = "2026-10-02T08:00:00", ["due_at"] = "",
        ["handled_at"] = "2026-10-10T10:00:00", ["state"] = "handled", ["published_at"] = "", ["reaction"] = "dislike",
    };

    public static readonly IReadOnlyDictionary<string, string> ValidDigitization = new Dictionary<string, string>
    {
        ["dossier_code"] = "H57.22-261008-0975", ["agency_code"] = "TNI.SYT", ["documents_submitted"] = "3",
        ["documents_digitized"] = "3", ["documents_reused"] = "1", ["from_personal_store"] = "1", ["population_db_used"] = "0",
        ["result_required"] = "1", ["result_electronic"] = "1", ["result_file_url"] = "https://dvc.example/kq/1.pdf",
    };

    public static readonly IReadOnlyDictionary<string, string> ValidTarget = new Dictionary<string, string>
    {
        ["agency_code"] = "DNA.SYT", ["indicator"] = "online_rate", ["period"] = "2022", ["comparator"] = ">=",
        ["value"] = "60", ["source_document"] = "704/KH-SYT 24/01/2022", ["clause"] = "I.1",
    };

    /// <summary>One row per entry: <paramref name="valid"/> with the entry's fields replaced.</summary>
    public static string Rows(CanonicalSchema schema, IReadOnlyDictionary<string, string> valid, params Dictionary<string, string>[] changes)
    {
        var text = new StringBuilder(string.Join(",", schema.Fields.Select(f => f.Name))).Append('\n');
        foreach (var change in changes.Length == 0 ? [[]] : changes)
            text.Append(string.Join(",", schema.Fields.Select(f => Quote(change.TryGetValue(f.Name, out var v) ? v : valid[f.Name])))).Append('\n');
        return text.ToString();
    }

    public static string Dossiers(params Dictionary<string, string>[] changes) => Rows(CanonicalSchema.Onestop, ValidDossier, changes);

    private static string Quote(string value) => value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
