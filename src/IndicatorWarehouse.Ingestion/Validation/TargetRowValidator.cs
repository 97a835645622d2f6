using System.Globalization;
using System.Text.RegularExpressions;
using IndicatorWarehouse.Ingestion.Records;

namespace IndicatorWarehouse.Ingestion.Validation;

/// <summary>Target rows: every field required; the period and comparator must be well formed. Whether the
/// indicator exists is the catalog's business, checked where the catalog is loaded.</summary>
internal sealed partial class TargetRowValidator : IRowValidator<TargetRecord>
{
    public static readonly TargetRowValidator Instance = new();
    private static readonly CanonicalSchema S = CanonicalSchema.Targets;
    private static readonly CanonicalField AgencyCode = S["agency_code"], Indicator = S["indicator"], Period = S["period"],
        Comparator = S["comparator"], Value = S["value"], SourceDocument = S["source_document"], Clause = S["clause"];

    public CanonicalSchema Schema => S;

    public TargetRecord? Validate(FieldReader row)
    {
        // '*' is every unit of the plan's province.
        var agency = row.RequiredText(AgencyCode) is "*" ? "*" : row.RequiredCode(AgencyCode);
        var indicator = row.RequiredText(Indicator);
        var period = row.RequiredText(Period);
        row.Key = PlanRecordKey.Of(agency, indicator, period);
        row.IndicatorCode(Indicator, indicator);
        if (period.Length > 0 && !IsPeriod(period))
            row.Fail(Period, ProblemText.Of(
                $"'{row.Raw(Period)}' không phải kỳ chỉ tiêu hợp lệ; dùng 2022, 2021-2025, 2025- (từ 2025 trở đi), 2025-11- (từ tháng 11/2025 trở đi), 2026-H1, 2026-Q1 hoặc 2026-10",
                $"'{row.Raw(Period)}' is not a target period; use 2022, 2021-2025, 2025- (from 2025 on), 2025-11- (from November 2025 on), 2026-H1, 2026-Q1 or 2026-10"));
        var comparator = row.Text(Comparator) switch { "≥" => ">=", "≤" => "<=", var c => c };
        if (comparator is null) row.Fail(Comparator, FieldReader.EmptyButRequired);
        else if (!CanonicalCodes.Comparator.Contains(comparator))
            row.Fail(Comparator, ProblemText.Of($"'{row.Raw(Comparator)}' không phải phép so sánh; chỉ nhận >=, <= hoặc =",
                $"'{row.Raw(Comparator)}' is not a comparator; expected >=, <= or ="));
        var value = row.Decimal(Value);
        if (value is null && row.Text(Value) is null) row.Fail(Value, FieldReader.EmptyButRequired);
        var record = new TargetRecord(agency, indicator, period, comparator ?? "", (double)(value ?? 0),
            row.RequiredText(SourceDocument), row.RequiredText(Clause));
        return row.Problem is null ? record : null;
    }

    /// <summary>A year, a span of years (open-ended when the plan sets no end), a half, a quarter, a month, or open-ended
    /// from a month (a plan that applies from the month it was signed).</summary>
    private static bool IsPeriod(string text)
    {
        var m = PeriodPattern().Match(text);
        if (!m.Success) return false;
        if (!m.Groups["to"].Success) return true;
        return int.Parse(m.Groups["to"].Value, CultureInfo.InvariantCulture) > int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(?<year>\d{4})(?:-(?:(?<to>\d{4})|H[12]|Q[1-4]|(?:0[1-9]|1[0-2])-?)?)?$")]
    private static partial Regex PeriodPattern();
}
