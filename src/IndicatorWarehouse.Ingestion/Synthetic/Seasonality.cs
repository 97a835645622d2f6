using IndicatorWarehouse.Domain.Calendar;

namespace IndicatorWarehouse.Ingestion.Synthetic;

/// <summary>How many dossiers arrive on each day of a year: working days carry the volume (Mondays most),
/// weekends and holidays only a trickle of online submissions, offices slow down around the Tết break and
/// rush to close the year in November–December.</summary>
internal sealed class Seasonality(HolidayCalendar calendar)
{
    private static readonly double[] ByMonth = [0.95, 0.95, 1.0, 1.0, 1.0, 1.05, 1.0, 1.0, 1.0, 1.05, 1.15, 1.25];
    private static readonly double[] ByWeekday = [0, 1.12, 1.05, 1.0, 0.98, 0.90, 0];
    private const double DayOff = 0.04, BeforeTet = 0.8, AfterTet = 0.55;
    private const int BeforeTetDays = 7, AfterTetDays = 10;

    private readonly Dictionary<int, (DateOnly First, DateOnly Last)?> _tet = [];

    public double Weight(DateOnly day)
    {
        if (!calendar.IsWorkingDay(day)) return DayOff;
        var weight = ByMonth[day.Month - 1] * ByWeekday[(int)day.DayOfWeek];
        if (TetBreak(day.Year) is not var (first, last)) return weight;
        if (day < first && day.DayNumber >= first.DayNumber - BeforeTetDays) return weight * BeforeTet;
        if (day > last && day.DayNumber <= last.DayNumber + AfterTetDays) return weight * AfterTet;
        return weight;
    }

    /// <summary>Each day of <paramref name="year"/> with its dossier count; the counts add up to exactly
    /// <paramref name="perYear"/> (rounding the running total, so no day's remainder is lost).</summary>
    public IEnumerable<(DateOnly Day, int Count)> DailyCounts(int year, int perYear)
    {
        var days = Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365).Select(i => new DateOnly(year, 1, 1).AddDays(i)).ToArray();
        var weights = days.Select(Weight).ToArray();
        var total = weights.Sum();
        double running = 0;
        long previous = 0;
        for (var i = 0; i < days.Length; i++)
        {
            running += weights[i];
            var upTo = (long)Math.Round(running / total * perYear);
            yield return (days[i], (int)(upTo - previous));
            previous = upTo;
        }
    }

    /// <summary>The Tết break: the year's longest run of days off that includes a public holiday (found
    /// from the holiday data, which moves with the lunar calendar), in January–February.</summary>
    public (DateOnly First, DateOnly Last)? TetBreak(int year)
    {
        if (_tet.TryGetValue(year, out var known)) return known;
        (DateOnly First, DateOnly Last)? best = null;
        DateOnly? runStart = null;
        var hasHoliday = false;
        for (var day = new DateOnly(year, 1, 1); day <= new DateOnly(year, 3, 1); day = day.AddDays(1))
        {
            if (!calendar.IsWorkingDay(day))
            {
                runStart ??= day;
                hasHoliday |= calendar.HolidayName(day) is not null;
                continue;
            }
            if (runStart is { } start && hasHoliday && (best is null || Length(start, day) > Length(best.Value.First, best.Value.Last.AddDays(1))))
                best = (start, day.AddDays(-1));
            runStart = null;
            hasHoliday = false;
        }
        return _tet[year] = best;
    }

    private static int Length(DateOnly first, DateOnly endExclusive) => endExclusive.DayNumber - first.DayNumber;
}
