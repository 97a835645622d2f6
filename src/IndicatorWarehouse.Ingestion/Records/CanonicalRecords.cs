using IndicatorWarehouse.Ingestion.Readers;

namespace IndicatorWarehouse.Ingestion.Records;

// The canonical record shapes of ../../shared/docs/source-formats.md, typed. Every reader and mapping
// profile produces these; the warehouse loader consumes only these. Null = unknown (never 0), except the
// count and flag fields of an event that did not happen, which default to none.

/// <summary>Which source a file belongs to (the first argument of `iw ingest`).</summary>
public enum SourceKind { Onestop, Pakn, Digitization, Targets, Figures }

/// <summary>A one-stop dossier (hồ sơ) as of the snapshot.</summary>
public sealed record DossierRecord(
    string DossierCode, string ProcedureCode, string? ProcedureName, string? FieldCode, string? FieldName,
    string AgencyCode, string? AgencyName, int? ApplicantType,
    DateTime ReceivedAt, DateTime? DueAt, DateTime? FinishedAt, DateTime? ReturnedAt,
    int? Status, int? Channel, string? OnlineService,
    decimal FeeAmount, int PaidOnline, int SupplementRequests, decimal SupplementWaitDays,
    bool ApologyIssued, string? LateReason, string? CitizenRating);

/// <summary>A citizen feedback / petition (PAKN).</summary>
public sealed record PaknRecord(
    string FeedbackCode, string AgencyCode, string? Channel, string? Category,
    DateTime ReceivedAt, DateTime? TransferredAt, DateTime? DueAt, DateTime? HandledAt,
    string? State, DateTime? PublishedAt, string? Reaction);

/// <summary>Digitization of one dossier's components and result.</summary>
public sealed record DigitizationRecord(
    string DossierCode, string AgencyCode, int DocumentsSubmitted, int DocumentsDigitized, int DocumentsReused,
    bool FromPersonalStore, bool PopulationDbUsed, bool? ResultRequired, bool? ResultElectronic, string? ResultFileUrl);

/// <summary>The record key of a target or a figure reported by hand: unit|indicator|period as the file gives them. A later
/// load settles quarantine entries by it (load/target.sql and load/figure.sql build the same from staged rows).</summary>
public static class PlanRecordKey
{
    public static string Of(string agency, string indicator, string period) => $"{agency}|{indicator}|{period}";
}

/// <summary>A target declared in a plan, with the document and clause that set it.</summary>
public sealed record TargetRecord(
    string AgencyCode, string Indicator, string Period, string Comparator, double Value, string SourceDocument, string Clause);

/// <summary>A figure a unit reported by hand for what no source feeds yet, with the document and clause it comes
/// from: a value, or a numerator and denominator (a rate), for one unit, period and indicator.</summary>
public sealed record FigureRecord(
    string AgencyCode, string Indicator, string Period, double? Value, double? Numerator, double? Denominator,
    string SourceDocument, string Clause);

/// <summary>One row of a source file after mapping and validation: either a record, or the problem that
/// sends it to quarantine. <paramref name="Raw"/> is the row as read, kept for quarantine.</summary>
public sealed record RowOutcome<T>(int Line, RawRow Raw, T? Record, RowProblem? Problem) where T : class
{
    public bool IsValid => Problem is null;

    /// <summary>The row as read (original header → text) as JSON. Written on demand: only quarantined rows keep it,
    /// and writing it for every row took half the time of reading and validating a file.</summary>
    public string RawJson => Validation.RawJson.Write(Raw);
}

/// <summary>Why a row was quarantined: which field, and a reason a person can act on.</summary>
public sealed record RowProblem(string? RecordKey, string Field, string Reason);

/// <summary>The file as a whole is not what it claims (not UTF-8, not parseable, a required column missing):
/// nothing of it may be loaded.</summary>
public sealed class SourceRejectedException(string file, string problem)
    : Exception($"{file}: {problem}")
{
    public string File { get; } = file;
    public string Problem { get; } = problem;
}
