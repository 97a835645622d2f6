using IndicatorWarehouse.Reporting.Templates.Shared;

namespace IndicatorWarehouse.Reporting.Templates.Rankings;

/// <summary>The province's monthly league table: every unit by 766 total and on-time rate, with year-on-year changes
/// and the last 12 months of both.</summary>
public sealed record RankingModel
{
    public required string ProvinceCode { get; init; }
    public required string ProvinceName { get; init; }

    /// <summary>The first day of the month ranked.</summary>
    public required DateOnly Month { get; init; }

    public required DateOnly GeneratedOn { get; init; }
    public required ReportSources Sources { get; init; }

    /// <summary>Units are ranked among their level: departments, the service centre, communes.</summary>
    public required IReadOnlyList<RankingGroup> Groups { get; init; }

    /// <summary>The months of <see cref="RankedUnit.OnTimeMonths"/> and <see cref="RankedUnit.Index766Months"/>, oldest first.</summary>
    public required IReadOnlyList<DateOnly> Months { get; init; }

    /// <summary>Set when this issue revises an earlier one of the same month ("Bản điều chỉnh").</summary>
    public RevisionNote? Revision { get; init; }
}

public sealed record RankingGroup(string Level, IReadOnlyList<RankedUnit> Units);

/// <summary>One unit's place: ranks are null for a unit without the value (it is listed, unranked, last).</summary>
public sealed record RankedUnit(string Code, string Name, double? Received)
{
    public required RankedValue Index766 { get; init; }
    public required RankedValue OnTime { get; init; }
    public required IReadOnlyList<double?> Index766Months { get; init; }
    public required IReadOnlyList<double?> OnTimeMonths { get; init; }

    /// <summary>The maximum the 766 total was scored against (the metrics that had data).</summary>
    public double? ScoredMax { get; init; }
}

/// <summary>A ranked value, its rank, and the same month a year before.</summary>
public sealed record RankedValue(double? Value, int? Rank, double? YearAgo)
{
    public double? Change => Value - YearAgo;
}
