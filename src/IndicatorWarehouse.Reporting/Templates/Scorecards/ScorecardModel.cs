using IndicatorWarehouse.Reporting.Charts;
using IndicatorWarehouse.Reporting.Templates.Shared;

namespace IndicatorWarehouse.Reporting.Templates.Scorecards;

/// <summary>Everything one unit's monthly scorecard shows; the same template serves a Sở, a commune and the service centre.</summary>
public sealed record ScorecardModel
{
    public required ReportUnit Unit { get; init; }

    /// <summary>The first day of the month reported.</summary>
    public required DateOnly Month { get; init; }

    /// <summary>Passed in rather than read from the clock, so a scorecard can be reproduced exactly.</summary>
    public required DateOnly GeneratedOn { get; init; }

    public required ReportSources Sources { get; init; }

    /// <summary>The main rates: a tile each, and a trend chart each.</summary>
    public required IReadOnlyList<RateTrend> Rates { get; init; }

    public required Index766Scores Index766 { get; init; }

    /// <summary>"Để tăng điểm Bộ chỉ số 766": the levers of the groups below their target, best points per item first.</summary>
    public IReadOnlyList<LeverLine> Levers { get; init; } = [];

    public required Timeliness Timeliness { get; init; }
    public required PaknSummary Pakn { get; init; }
    public required IReadOnlyList<DigitizationRow> Digitization { get; init; }

    /// <summary>Where a plan phase begins inside the trends' months (reference/plan_phases.yaml), marked on them.</summary>
    public ChartMarker? PlanBoundary { get; init; }

    /// <summary>Set when the trends hold months estimated from a split predecessor's PAKN: the shares used.</summary>
    public string? TrendEstimateNote { get; init; }

    /// <summary>Null when the unit has no ranking row for the month (no 766 total and no on-time rate).</summary>
    public PeerRanking? Peers { get; init; }

    /// <summary>Set when this issue revises an earlier one of the same month ("Bản điều chỉnh").</summary>
    public RevisionNote? Revision { get; init; }

    /// <summary>A preview read on the web: latest figures, not issued, and marked so on the page.</summary>
    public bool Preview { get; init; }
}

/// <summary>A rate this month, and its monthly series up to this month (the unit with its predecessors before the 2025 mergers).</summary>
public sealed record RateTrend(Figure Figure, IReadOnlyList<DateOnly> Months, IReadOnlyList<double?> Values);

/// <summary>One 766 group (or the total): the score, the maximum it was scored against (the metrics that had data),
/// and the Decision's maximum; both null when no metric of the group had data.</summary>
public sealed record IndexScore(string Code, string Name, double? Score, double? ScoredMax, double FullMax, bool IsPortalSplit = false)
{
    public FigureTarget? Target { get; init; }
}

public sealed record Index766Scores(IndexScore Total, IReadOnlyList<IndexScore> Groups);

/// <summary>Dossiers processed in the month by field, the late ones with their reasons, and the apologies made.</summary>
public sealed record Timeliness(IReadOnlyList<FieldTimeliness> Fields, IReadOnlyList<LateDossier> LateDossiers, int LateDossiersTotal,
    Figure Apology, Figure PendingOverdue);

public sealed record FieldTimeliness(string Field, int Early, int OnTime, int Late, int LateWithApology, IReadOnlyList<ReasonCount> Reasons);

public sealed record ReasonCount(string? Reason, int Dossiers);

/// <summary>A dossier processed late: what it was, when it was due and done, why it was late, and whether the unit apologised.</summary>
public sealed record LateDossier(string Code, string? Procedure, DateOnly? Deadline, DateTime? Ended,
    string? Reason, bool Apologised);

/// <summary>PAKN figures of the month and the PAKN in scope by category.</summary>
public sealed record PaknSummary(IReadOnlyList<Figure> Figures, IReadOnlyList<PaknCategory> Categories);

public sealed record PaknCategory(string? Category, int Received, int Handled, int HandledLate, int Pending);

/// <summary>A digitization rate this month and from January to this month.</summary>
public sealed record DigitizationRow(Figure Month, double? YearToDate, double? YearToDateNumerator, double? YearToDateDenominator);

/// <summary>The unit's place among the units of the same province and level this month.</summary>
public sealed record PeerRanking(int? RankIndex766, int? RankOnTime, int Peers, IReadOnlyList<Peer> Units);

public sealed record Peer(string Code, string Name, double? Index766, double? OnTimeRate, bool IsSelf);
