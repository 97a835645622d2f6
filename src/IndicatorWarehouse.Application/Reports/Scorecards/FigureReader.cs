using IndicatorWarehouse.Domain.Targets;
using IndicatorWarehouse.Domain.Trends;
using IndicatorWarehouse.Reporting.Formatting;
using IndicatorWarehouse.Reporting.Templates.Shared;

namespace IndicatorWarehouse.Application.Reports.Scorecards;

/// <summary>Turns the month's measures and the lineage series into figures: value, numerator and denominator,
/// target and status as the build assessed them, and the changes from the month before and a year before.
/// A measure the build has no value for still shows the target a plan sets for it, as "không có dữ liệu".</summary>
internal sealed class FigureReader(ReportIndicators indicators, IReadOnlyDictionary<string, ValueRow> values,
    IReadOnlyDictionary<string, Dictionary<int, double>> series, Func<string, ApplicableTarget?> targetOf, int monthSeq)
{
    public IndicatorLabel Label(string code) => indicators.Label(code);

    public Figure Of(string code)
    {
        var row = values.GetValueOrDefault(code);
        var history = series.GetValueOrDefault(code);
        return new Figure(indicators.Label(code), row?.value, row?.numerator, row?.denominator)
        {
            Target = TargetOf(code, row),
            MonthOnMonth = history is null ? null : Trend.MonthOnMonth(history, monthSeq),
            YearOnYear = history is null ? null : Trend.YearOnYear(history, monthSeq),
        };
    }

    /// <param name="coverage">for a 766 score, how much of its maximum it was scored on (its status then says so)</param>
    public FigureTarget? TargetOf(string code, ValueRow? row, PointsCoverage? coverage = null)
    {
        if (row is { target_value: { } target, comparator: { } comparator })
        {
            var status = ReportStatuses.FromCode(row.status) ?? ReportStatus.NoData;
            return new FigureTarget(comparator, target, row.gap, status, row.target_source, row.conflict_note is not null)
            {
                StatusLabel = status == ReportStatus.Partial ? TargetAssessment.LabelVi(TargetState.Partial, coverage) : null,
            };
        }
        return row is null && targetOf(code) is { } applicable
            ? new FigureTarget(applicable.Target.Comparator, applicable.Target.Value, null, ReportStatus.NoData,
                applicable.Target.Provenance, applicable.HasConflict)
            : null;
    }
}
