using System.Globalization;
using System.Text.RegularExpressions;

namespace IndicatorWarehouse.Domain.Periods;

/// <summary>One reporting period: <c>2026-10</c>, <c>2026-Q3</c>, <c>2026-H1</c>, <c>2026</c>, and the
/// government reporting periods <c>R2026-10</c>, <c>R2026-Q3</c>, <c>R2026-H1</c>, <c>R2026</c>.</summary>
/// <param name="Number">Month 1–12, quarter 1–4, half 1–2, or 1 for a year.</param>
public sealed partial record Period(Grain Grain, int Year, int Number) : IComparable<Period>
{
    /// <summary>The reporting cut-off: data from this day of the month before up to the day before it.</summary>
    public const int ReportCutOffDay = 15;

    public string Code
    {
        get
        {
            var prefix = Grain.IsReporting() ? "R" : "";
            return (Grain.Months()) switch
            {
                1 => $"{prefix}{Year}-{Number:00}",
                3 => $"{prefix}{Year}-Q{Number}",
                6 => $"{prefix}{Year}-H{Number}",
                _ => $"{prefix}{Year}",
            };
        }
    }

    /// <summary>Position of the period in its grain, consecutive across years (e.g. year*12 + month - 1).</summary>
    public int Seq => Year * (12 / Grain.Months()) + Number - 1;

    /// <summary>First calendar month covered (for reporting grains, the month whose 14th closes the first part).</summary>
    private DateOnly FirstMonth => new(Year, (Number - 1) * Grain.Months() + 1, 1);

    public DateOnly Start => Grain.IsReporting()
        ? FirstMonth.AddMonths(-1).AddDays(ReportCutOffDay - 1)
        : FirstMonth;

    public DateOnly End => Grain.IsReporting()
        ? FirstMonth.AddMonths(Grain.Months() - 1).AddDays(ReportCutOffDay - 2)
        : FirstMonth.AddMonths(Grain.Months()).AddDays(-1);

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public Period Next() => FromSeq(Grain, Seq + 1);
    public Period Previous() => FromSeq(Grain, Seq - 1);

    /// <summary>The same period one year earlier (for year-on-year comparisons).</summary>
    public Period YearEarlier() => this with { Year = Year - 1 };

    public static Period FromSeq(Grain grain, int seq)
    {
        var perYear = 12 / grain.Months();
        return new Period(grain, Math.DivRem(seq, perYear, out var rest), rest + 1);
    }

    /// <summary>The period of <paramref name="grain"/> that contains <paramref name="date"/>.</summary>
    public static Period Containing(Grain grain, DateOnly date)
    {
        var month = date;
        if (grain.IsReporting() && date.Day >= ReportCutOffDay) month = date.AddMonths(1);
        var monthIndex = month.Month - 1;
        return new Period(grain, month.Year, monthIndex / grain.Months() + 1);
    }

    /// <summary>All periods of a grain overlapping [from, to].</summary>
    public static IEnumerable<Period> Between(Grain grain, DateOnly from, DateOnly to)
    {
        for (var p = Containing(grain, from); p.Start <= to; p = p.Next()) yield return p;
    }

    public static Period Parse(string code) => TryParse(code, out var period)
        ? period
        : throw new FormatException($"'{code}' is not a period: use 2026-10, 2026-Q3, 2026-H1, 2026 or R2026-10, R2026-Q3, R2026-H1, R2026.");

    public static bool TryParse(string? code, out Period period)
    {
        period = null!;
        var m = Pattern().Match(code?.Trim() ?? "");
        if (!m.Success) return false;
        var reporting = m.Groups["r"].Success;
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var n = m.Groups["n"].Success ? int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) : 1;
        var grain = !m.Groups["n"].Success ? Grain.Year
            : m.Groups["kind"].Value switch { "Q" => Grain.Quarter, "H" => Grain.Half, _ => Grain.Month };
        var number = n;
        if (reporting) grain += Grain.ReportMonth - Grain.Month;
        if (number < 1 || number > 12 / grain.Months()) return false;
        period = new Period(grain, year, number);
        return true;
    }

    public int CompareTo(Period? other) => other is null ? 1
        : Grain != other.Grain ? Grain.CompareTo(other.Grain) : Seq.CompareTo(other.Seq);

    public override string ToString() => Code;

    [GeneratedRegex(@"^(?<r>R)?(?<y>\d{4})(?:-(?<kind>Q|H|)(?<n>\d{1,2}))?$")]
    private static partial Regex Pattern();
}
