using System.Globalization;
using IndicatorWarehouse.Ingestion.Readers;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Warehouse.Loading;

namespace IndicatorWarehouse.Tests.Support;

/// <summary>Builds canonical records and snapshot descriptions for tests, with defaults for what a test does not care about.</summary>
public static class Rows
{
    public static DateTime At(string iso) => DateTime.Parse(iso, CultureInfo.InvariantCulture);

    public static DossierRecord Dossier(string code, string received, string? due = null, string? finished = null,
        int? status = 10, string agency = "TNI.SYT", int? channel = 2, int supplements = 0, decimal waitDays = 0,
        decimal fee = 0, int paidOnline = 0, string? rating = null, bool apology = false, string procedure = "1.005129", string? returned = null) =>
        new(code, procedure, "Cấp giấy phép hành nghề", "KCB", "Khám bệnh, chữa bệnh", agency, null, 1,
            At(received), due is null ? null : At(due), finished is null ? null : At(finished), returned is null ? null : At(returned),
            status, channel, "toan_trinh", fee, paidOnline, supplements, waitDays, apology, null, rating);

    public static PaknRecord Pakn(string code, string received, string? handled = null, string? due = null, string agency = "TNI.SYT",
        string? reaction = null, string? transferred = null) =>
        new(code, agency, "national_portal", "procedure", At(received), transferred is null ? null : At(transferred),
            due is null ? null : At(due), handled is null ? null : At(handled), handled is null ? "processing" : "handled", null, reaction);

    public static DigitizationRecord Digitization(string code, int digitized = 1, int reused = 0, bool? resultRequired = true,
        bool? resultElectronic = true, string agency = "TNI.SYT") =>
        new(code, agency, 3, digitized, reused, false, false, resultRequired, resultElectronic, null);

    public static RowOutcome<T> ValidAt<T>(T record, int line) where T : class => new(line, Raw(line), record, null);

    public static IEnumerable<RowOutcome<T>> Valid<T>(params T[] records) where T : class =>
        records.Select((r, i) => ValidAt(r, i + 2));

    /// <summary>A row whose raw JSON is {"field":"?"}.</summary>
    public static RowOutcome<T> Bad<T>(int line, string field, string reason, string? key = null) where T : class =>
        new(line, Raw(line, field), null, new RowProblem(key, field, reason));

    private static RawRow Raw(int line, params string[] columns) =>
        new(line, new RawHeader(columns), columns.Select(_ => (string?)"?").ToArray());

    public static SnapshotFile File(string source = "onestop", string hash = "h1", string asOf = "2026-11-20T17:00:00") =>
        new(source, $"{source}-{hash}.csv", hash, null, At(asOf), "test");
}
