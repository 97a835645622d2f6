using System.Buffers;
using System.Globalization;
using System.Text;
using IndicatorWarehouse.Ingestion.Records;

namespace IndicatorWarehouse.Ingestion.Synthetic;

/// <summary>The canonical CSV layout of source-formats.md: column order per source and the file encoding.</summary>
public static class CanonicalCsv
{
    public static readonly IReadOnlyList<string> OnestopColumns =
    [
        "dossier_code", "procedure_code", "procedure_name", "field_code", "field_name", "agency_code", "agency_name",
        "applicant_type", "received_at", "due_at", "finished_at", "returned_at", "status", "channel", "online_service",
        "fee_amount", "paid_online", "supplement_requests", "supplement_wait_days", "apology_issued", "late_reason",
        "citizen_rating",
    ];

    public static readonly IReadOnlyList<string> PaknColumns =
    [
        "feedback_code", "agency_code", "channel", "category", "received_at", "transferred_at", "due_at", "handled_at",
        "state", "published_at", "reaction",
    ];

    public static readonly IReadOnlyList<string> DigitizationColumns =
    [
        "dossier_code", "agency_code", "documents_submitted", "documents_digitized", "documents_reused",
        "from_personal_store", "population_db_used", "result_required", "result_electronic", "result_file_url",
    ];

    /// <summary>A UTF-8 (no BOM) file writer with a large buffer: files run to millions of rows.</summary>
    public static TextWriter OpenFile(string path) =>
        new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16);
}

/// <summary>Streams canonical records as CSV rows: header first, ISO dates, 0/1 booleans, empty for null,
/// quotes only where a value needs them.</summary>
public abstract class CanonicalCsvWriter<T> : IDisposable
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");
    private readonly TextWriter _output;
    private bool _rowStarted;

    protected CanonicalCsvWriter(TextWriter output, IReadOnlyList<string> columns)
    {
        _output = output;
        foreach (var column in columns) Text(column);
        _output.Write('\n');
        _rowStarted = false;
    }

    public long Rows { get; private set; }

    public void Write(T record)
    {
        WriteFields(record);
        _output.Write('\n');
        _rowStarted = false;
        Rows++;
    }

    public void Dispose()
    {
        _output.Dispose();
        GC.SuppressFinalize(this);
    }

    protected abstract void WriteFields(T record);

    protected void Text(string? value)
    {
        Separator();
        if (value is null) return;
        if (value.AsSpan().IndexOfAny(NeedsQuotes) < 0) { _output.Write(value); return; }
        _output.Write('"');
        _output.Write(value.Replace("\"", "\"\""));
        _output.Write('"');
    }

    protected void Integer(long? value) => Formatted(value, null);

    protected void Amount(decimal value) => Formatted<decimal>(value, "0.##");

    protected void Date(DateTime? value) => Formatted(value, "yyyy-MM-ddTHH:mm:ss");

    protected void Flag(bool? value) => Formatted(value is { } flag ? (flag ? 1 : 0) : (int?)null, null);

    private void Formatted<TValue>(TValue? value, string? format) where TValue : struct, ISpanFormattable
    {
        Separator();
        if (value is not { } v) return;
        Span<char> buffer = stackalloc char[32];
        if (!v.TryFormat(buffer, out var written, format, CultureInfo.InvariantCulture))
            throw new FormatException($"Value {v} does not fit a CSV field buffer.");
        _output.Write(buffer[..written]);
    }

    private void Separator()
    {
        if (_rowStarted) _output.Write(',');
        _rowStarted = true;
    }
}

/// <summary>Writes `onestop` files.</summary>
public sealed class OnestopCsvWriter(TextWriter output) : CanonicalCsvWriter<DossierRecord>(output, CanonicalCsv.OnestopColumns)
{
    protected override void WriteFields(DossierRecord d)
    {
        Text(d.DossierCode); Text(d.ProcedureCode); Text(d.ProcedureName); Text(d.FieldCode); Text(d.FieldName);
        Text(d.AgencyCode); Text(d.AgencyName); Integer(d.ApplicantType);
        Date(d.ReceivedAt); Date(d.DueAt); Date(d.FinishedAt); Date(d.ReturnedAt);
        Integer(d.Status); Integer(d.Channel); Text(d.OnlineService);
        Amount(d.FeeAmount); Integer(d.PaidOnline); Integer(d.SupplementRequests); Amount(d.SupplementWaitDays);
        Flag(d.ApologyIssued); Text(d.LateReason); Text(d.CitizenRating);
    }
}

/// <summary>Writes `pakn` files.</summary>
public sealed class PaknCsvWriter(TextWriter output) : CanonicalCsvWriter<PaknRecord>(output, CanonicalCsv.PaknColumns)
{
    protected override void WriteFields(PaknRecord p)
    {
        Text(p.FeedbackCode); Text(p.AgencyCode); Text(p.Channel); Text(p.Category);
        Date(p.ReceivedAt); Date(p.TransferredAt); Date(p.DueAt); Date(p.HandledAt);
        Text(p.State); Date(p.PublishedAt); Text(p.Reaction);
    }
}

/// <summary>Writes `digitization` files.</summary>
public sealed class DigitizationCsvWriter(TextWriter output) : CanonicalCsvWriter<DigitizationRecord>(output, CanonicalCsv.DigitizationColumns)
{
    protected override void WriteFields(DigitizationRecord r)
    {
        Text(r.DossierCode); Text(r.AgencyCode);
        Integer(r.DocumentsSubmitted); Integer(r.DocumentsDigitized); Integer(r.DocumentsReused);
        Flag(r.FromPersonalStore); Flag(r.PopulationDbUsed); Flag(r.ResultRequired); Flag(r.ResultElectronic);
        Text(r.ResultFileUrl);
    }
}
