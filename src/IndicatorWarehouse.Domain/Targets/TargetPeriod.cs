using System.Text.RegularExpressions;
using IndicatorWarehouse.Domain.Periods;

namespace IndicatorWarehouse.Domain.Targets;

/// <summary>The span a target is declared for: a period code (<c>2022</c>, <c>2026-Q1</c>, <c>2026-10</c>), a
/// plan's range of years (<c>2021-2025</c>, open-ended <c>2025-</c>), or open-ended from the month a plan was signed
/// (<c>2025-11-</c>). A narrower span is a more specific declaration.</summary>
public sealed partial record TargetPeriod(string Spec, DateOnly Start, DateOnly End)
{
    /// <summary>The year an open-ended declaration (<c>2025-</c>) is taken to run to.</summary>
    public const int OpenEndedLastYear = 2100;

    public int Days => End.DayNumber - Start.DayNumber + 1;

    public bool Covers(Period period) => Start <= period.Start && period.End <= End;

    public static TargetPeriod Parse(string spec)
    {
        var range = YearRange().Match(spec.Trim());
        if (range.Success)
        {
            var from = int.Parse(range.Groups[1].Value);
            var to = range.Groups[2].Success ? int.Parse(range.Groups[2].Value) : OpenEndedLastYear;
            if (to < from) throw new FormatException($"'{spec}': the range ends before it starts.");
            return new TargetPeriod(spec, new DateOnly(from, 1, 1), new DateOnly(to, 12, 31));
        }
        var fromMonth = FromMonth().Match(spec.Trim());
        if (fromMonth.Success)
            return new TargetPeriod(spec, new DateOnly(int.Parse(fromMonth.Groups[1].Value), int.Parse(fromMonth.Groups[2].Value), 1),
                new DateOnly(OpenEndedLastYear, 12, 31));
        var period = Period.Parse(spec);
        return new TargetPeriod(spec, period.Start, period.End);
    }

    [GeneratedRegex(@"^(\d{4})\s*[-–]\s*(\d{4})?$")]
    private static partial Regex YearRange();

    [GeneratedRegex(@"^(\d{4})-(0[1-9]|1[0-2])\s*[-–]$")]
    private static partial Regex FromMonth();
}
