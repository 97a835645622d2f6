using IndicatorWarehouse.Reporting.Charts;
using IndicatorWarehouse.Reporting.Templates.Shared;

namespace IndicatorWarehouse.Reporting.Templates.Reviews;

/// <summary>The leadership's multi-year review: each main rate per year for the province and each Sở (with their
/// predecessors before the 2025 mergers), the targets of the plan periods and how far they were reached, and the
/// biggest movers of the last year.</summary>
public sealed record ReviewModel
{
    public required string ProvinceCode { get; init; }
    public required string ProvinceName { get; init; }
    public required IReadOnlyList<int> Years { get; init; }

    /// <summary>The data's as-of day when it falls inside the last year (that year is then counted only up to it).</summary>
    public DateOnly? LastYearUntil { get; init; }

    public required DateOnly GeneratedOn { get; init; }
    public required ReportSources Sources { get; init; }
    public required IReadOnlyList<IndicatorReview> Indicators { get; init; }

    /// <summary>Largest changes from the year before last to the last year, the good way and the bad way.</summary>
    public required IReadOnlyList<Mover> Improvements { get; init; }

    public required IReadOnlyList<Mover> Declines { get; init; }

    /// <summary>Every unit and indicator a plan sets a target for in these years.</summary>
    public required IReadOnlyList<UnitIndicatorYears> Attainment { get; init; }

    /// <summary>How each Sở's values marked as estimates were split ("Sở Y tế Tây Ninh: ước tính theo tỷ lệ: TNI.SLDTBXH 13 %").</summary>
    public IReadOnlyList<string> EstimateNotes { get; init; } = [];

    /// <summary>Where a plan phase begins inside the years (reference/plan_phases.yaml), marked on the charts.</summary>
    public ChartMarker? PlanBoundary { get; init; }

    /// <summary>Set when this issue revises an earlier one of the same years ("Bản điều chỉnh").</summary>
    public RevisionNote? Revision { get; init; }
}

/// <summary>One indicator: the province line and one line per Sở.</summary>
public sealed record IndicatorReview(IndicatorLabel Indicator, UnitYears Province, IReadOnlyList<UnitYears> Units);

/// <summary>A unit's value per year of the review, in the order of <see cref="ReviewModel.Years"/>.</summary>
public sealed record UnitYears(string Code, string Name, IReadOnlyList<YearFigure> Years)
{
    /// <summary>Change from the year before last to the last year; null when either has no value.</summary>
    public double? LastChange => Years.Count < 2 ? null : Years[^1].Value - Years[^2].Value;
}

/// <param name="Estimated">Part of the value comes from a predecessor's records that carry no field (PAKN), split
/// by the lineage shares: an estimate, marked as such.</param>
public sealed record YearFigure(int Year, double? Value, FigureTarget? Target = null, bool Estimated = false);

public sealed record UnitIndicatorYears(IndicatorLabel Indicator, UnitYears Unit);

/// <summary>A Sở whose indicator moved a lot from one year to the next.</summary>
public sealed record Mover(IndicatorLabel Indicator, string Unit, int FromYear, int ToYear, double Before, double After)
{
    public double Change => After - Before;
}
