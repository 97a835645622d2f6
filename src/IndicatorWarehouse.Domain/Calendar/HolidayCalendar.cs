namespace IndicatorWarehouse.Domain.Calendar;

/// <summary>Working days: Monday–Friday minus the public holidays (Tết and others) listed in the
/// holiday data file, since the government fixes them year by year.</summary>
public sealed class HolidayCalendar
{
    private readonly Dictionary<DateOnly, string> _holidays;

    public HolidayCalendar(IEnumerable<Holiday> holidays) =>
        _holidays = holidays.GroupBy(h => h.Date).ToDictionary(g => g.Key, g => g.First().Name);

    public static HolidayCalendar Empty { get; } = new([]);

    public IReadOnlyDictionary<DateOnly, string> Holidays => _holidays;

    public string? HolidayName(DateOnly date) => _holidays.GetValueOrDefault(date);

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.ContainsKey(date);

    /// <summary>The day that is <paramref name="workingDays"/> working days after <paramref name="start"/>,
    /// counting from the day after it (the PAKN deadline rule).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        var day = start;
        for (var left = workingDays; left > 0;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) left--;
        }
        return day;
    }

    /// <summary>The next <paramref name="count"/> working days after <paramref name="date"/>.</summary>
    public IEnumerable<DateOnly> NextWorkingDays(DateOnly date, int count)
    {
        for (var day = date.AddDays(1); count > 0; day = day.AddDays(1))
        {
            if (!IsWorkingDay(day)) continue;
            count--;
            yield return day;
        }
    }
}

public sealed record Holiday(DateOnly Date, string Name);
