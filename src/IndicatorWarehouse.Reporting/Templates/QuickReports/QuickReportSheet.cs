namespace IndicatorWarehouse.Reporting.Templates.QuickReports;

/// <summary>The daily quick report of one unit as seed 001's annex lays it out, plus the dossiers falling due soon.</summary>
public sealed record QuickReportSheet
{
    public required string AgencyCode { get; init; }
    public required string AgencyName { get; init; }

    /// <summary>The first day counted (by default the first of the month) and the report day, both included.</summary>
    public required DateOnly From { get; init; }

    public required DateOnly Date { get; init; }
    public DateTime? DataAsOf { get; init; }
    public required QuickDossierCounts Dossiers { get; init; }
    public required QuickPaknCounts Pakn { get; init; }
    public required IReadOnlyList<QuickDossier> Late { get; init; }

    /// <summary>The working days whose deadlines count as "falling due", and the open dossiers due on them.</summary>
    public required IReadOnlyList<DateOnly> DueDays { get; init; }

    public required IReadOnlyList<QuickDossier> FallingDue { get; init; }
}

/// <summary>Dossier counts over the report's days (all dossiers in scope: received by the last day, not ended before the first).</summary>
public sealed record QuickDossierCounts(long Total, long ReceivedInRange, long Processed, long Early, long OnTime, long Late, long LateWithApology,
    long Pending, long PendingOverdue, long Digitized, long ResultRequired, long ResultElectronic);

public sealed record QuickPaknCounts(long Received, long Handled, long HandledOnTime, long Pending, long PendingOverdue);

/// <summary>A dossier the quick report names: a late one with its reason, or an open one falling due.</summary>
public sealed record QuickDossier(string Code, string? Procedure, DateOnly? Deadline, DateTime? Received, DateTime? Finished, string? LateReason, bool Apologised);
