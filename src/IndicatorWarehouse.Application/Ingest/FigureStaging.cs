using IndicatorWarehouse.Domain.Indicators;
using IndicatorWarehouse.Domain.Periods;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Warehouse.Loading;
using static System.FormattableString;

namespace IndicatorWarehouse.Application.Ingest;

/// <summary>Figures → <c>stg_figure</c>, shaped as the build writes indicator values (a rate: numerator, denominator
/// and the percent; a count: the count as numerator and value). The catalog decides what a figure may be: an
/// indicator it knows, not a 766 score (the build scores the metrics), a rate whose parts agree with its value.
/// The unit must be one the reference file knows: a mistyped code would otherwise report for nobody.</summary>
internal sealed class FigureStaging(IndicatorCatalog catalog, IReadOnlySet<string> agencies)
{
    public static readonly LoadTarget Target = new("load/figure.sql", "stg_figure",
    [
        "agency_code", "indicator_code", "period_code", "numerator", "denominator", "value", "source_document", "clause",
    ]) { Key = ["agency_code", "period_code", "indicator_code"] };

    // A percent published to one decimal still agrees with the counts it was computed from.
    private const double PercentTolerance = 0.05;

    private sealed record Shape(double? Numerator, double? Denominator, double? Value);

    public IEnumerable<StagedRow> Stage(IEnumerable<RowOutcome<FigureRecord>> rows) => Staging.Of(rows.Select(Check), Values);

    private RowOutcome<FigureRecord> Check(RowOutcome<FigureRecord> row)
    {
        if (row.Record is not { } f || row.Problem is not null) return row;
        RowOutcome<FigureRecord> Fail(string field, string reason) =>
            row with { Problem = new RowProblem(PlanRecordKey.Of(f.AgencyCode, f.Indicator, f.Period), field, reason) };

        if (!agencies.Contains(f.AgencyCode))
            return Fail("agency_code", Staging.UnknownAgency(f.AgencyCode));
        if (!catalog.Contains(f.Indicator)) return Fail("indicator", Staging.NotInCatalog(f.Indicator));
        var indicator = catalog[f.Indicator];
        if (indicator.IsPoints)
            return Fail("indicator", ProblemText.Of(
                $"'{f.Indicator}' là điểm Bộ chỉ số 766, được tính từ các chỉ tiêu thành phần khi tổng hợp: hãy báo số liệu các chỉ tiêu thành phần",
                $"'{f.Indicator}' is a 766 score, which the build computes from its metrics: report the metrics instead"));
        return Problem(indicator, f) is { } problem ? Fail(problem.Field, problem.Reason) : row;
    }

    private static (string Field, string Reason)? Problem(Indicator indicator, FigureRecord f)
    {
        if (!indicator.IsRate)
        {
            if (f.Denominator is not null)
                return ("denominator", ProblemText.Of($"'{f.Indicator}' là chỉ tiêu đếm số lượng: không có mẫu số", $"'{f.Indicator}' is a count: it has no denominator"));
            if (f.Value is { } v && f.Numerator is { } n && v != n)
                return ("value", ProblemText.Of($"{ProblemText.Number(v)} khác tử số {ProblemText.Number(n)}: chỉ tiêu đếm chỉ có một con số",
                    Invariant($"{v} differs from the numerator {n}: a count is one number")));
            return null;
        }
        if (f.Numerator is not null && f.Denominator is null)
            return ("denominator", ProblemText.Of(
                $"trống: '{f.Indicator}' là tỷ lệ; hãy ghi cả tử số và mẫu số, hoặc chỉ ghi giá trị (phần trăm)",
                $"is empty: '{f.Indicator}' is a rate; give numerator and denominator, or only the value (percent)"));
        if (f.Numerator is { } numerator && f.Denominator is { } denominator && numerator > denominator)
            return ("numerator", ProblemText.Of($"tử số {ProblemText.Number(numerator)} lớn hơn mẫu số {ProblemText.Number(denominator)}",
                Invariant($"{numerator} is more than the denominator {denominator}")));
        if (f.Numerator is null && f.Value is { } percent && percent > 100)
            return ("value", Staging.NotAPercent(percent));
        if (f.Numerator is not null && f.Value is { } given)
        {
            var computed = ShapeOf(indicator, f).Value;
            if (computed is null || Math.Abs(computed.Value - given) > PercentTolerance)
            {
                var (vi, en) = computed is { } c
                    ? ($"{ProblemText.Number(Math.Round(c, 2))} %", Invariant($"{c:0.##} %"))
                    : ("không tính được: mẫu số bằng 0", "none: the denominator is 0");
                return ("value", ProblemText.Of($"{ProblemText.Number(given)} không khớp với tử số ÷ mẫu số ({vi})",
                    Invariant($"{given} does not match numerator ÷ denominator ({en})")));
            }
        }
        return null;
    }

    private static Shape ShapeOf(Indicator indicator, FigureRecord f) => indicator.IsRate
        ? f.Numerator is { } n && f.Denominator is { } d ? new Shape(n, d, d > 0 ? 100.0 * n / d : null) : new Shape(null, null, f.Value)
        : new Shape(f.Value ?? f.Numerator, null, f.Value ?? f.Numerator);

    private object?[] Values(FigureRecord f)
    {
        var shape = ShapeOf(catalog[f.Indicator], f);
        return [f.AgencyCode, f.Indicator, Period.Parse(f.Period).Code, shape.Numerator, shape.Denominator, shape.Value, f.SourceDocument, f.Clause];
    }
}
