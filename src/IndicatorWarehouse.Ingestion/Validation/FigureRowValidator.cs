using IndicatorWarehouse.Domain.Periods;
using IndicatorWarehouse.Ingestion.Records;

namespace IndicatorWarehouse.Ingestion.Validation;

/// <summary>Figure rows: unit, indicator, period, document and clause required; a value, or a numerator (with its
/// denominator for a rate); a period that had begun by the as-of time (a figure reports what happened). Whether the
/// indicator exists, and whether a rate's parts agree with its value, is the catalog's business, checked where the
/// catalog is loaded.</summary>
internal sealed class FigureRowValidator : IRowValidator<FigureRecord>
{
    public static readonly FigureRowValidator Instance = new();
    private static readonly CanonicalSchema S = CanonicalSchema.Figures;
    private static readonly CanonicalField AgencyCode = S["agency_code"], Indicator = S["indicator"], PeriodField = S["period"],
        Value = S["value"], Numerator = S["numerator"], Denominator = S["denominator"], SourceDocument = S["source_document"],
        Clause = S["clause"];

    public CanonicalSchema Schema => S;

    public FigureRecord? Validate(FieldReader row)
    {
        var agency = row.RequiredCode(AgencyCode);
        var indicator = row.RequiredText(Indicator);
        var period = row.RequiredText(PeriodField);
        row.Key = PlanRecordKey.Of(agency, indicator, period);
        row.IndicatorCode(Indicator, indicator);
        if (period.Length > 0)
        {
            if (!Period.TryParse(period, out var p))
                row.Fail(PeriodField, ProblemText.Of(
                    $"'{row.Raw(PeriodField)}' không phải kỳ hợp lệ; dùng 2026-10, 2026-Q3, 2026-H1, 2026, hoặc R2026-10, R2026-Q3, R2026-H1, R2026",
                    $"'{row.Raw(PeriodField)}' is not a period; use 2026-10, 2026-Q3, 2026-H1, 2026, or R2026-10, R2026-Q3, R2026-H1, R2026"));
            else row.BegunByAsOf(PeriodField, p.Start);
        }
        var value = row.Decimal(Value);
        var numerator = row.Decimal(Numerator);
        var denominator = row.Decimal(Denominator);
        if (value is null && numerator is null)
            row.Fail(Value, ProblemText.Of("trống, tử số cũng trống: hãy ghi giá trị, hoặc tử số (và mẫu số nếu là tỷ lệ)",
                "is empty, and so is numerator: give the value, or the numerator (and denominator for a rate)"));
        if (denominator is not null && numerator is null)
            row.Fail(Numerator, ProblemText.Of("trống nhưng có mẫu số: tỷ lệ cần cả tử số và mẫu số",
                "is empty, but a denominator is given: a rate needs both"));
        var record = new FigureRecord(agency, indicator, period, (double?)value, (double?)numerator, (double?)denominator,
            row.RequiredText(SourceDocument), row.RequiredText(Clause));
        return row.Problem is null ? record : null;
    }
}
