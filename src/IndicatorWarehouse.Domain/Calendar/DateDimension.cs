using IndicatorWarehouse.Domain.Periods;

namespace IndicatorWarehouse.Domain.Calendar;

/// <summary>One row of <c>dim_date</c>; property names match its columns.</summary>
public sealed record DateRow(
    int date_key, string full_date, int year, int half, int quarter, int month, int day_of_month, int day_of_week,
    int is_working_day, string? holiday_name, int report_year, int report_half, int report_quarter, int report_month,
    int month_seq, int quarter_seq, int half_seq, int year_seq,
    int report_month_seq, int report_quarter_seq, int report_half_seq, int report_year_seq);

/// <summary>One row of <c>dim_period</c>.</summary>
public sealed record PeriodRow(string period_code, string grain, int seq, int start_key, int end_key, string label_vi);

/// <summary>Builds the rows of the date and period dimensions for a range of years.</summary>
public static class DateDimension
{
    public static IEnumerable<DateRow> Days(int firstYear, int lastYear, HolidayCalendar calendar)
    {
        for (var d = new DateOnly(firstYear, 1, 1); d.Year <= lastYear; d = d.AddDays(1))
        {
            var rm = Period.Containing(Grain.ReportMonth, d);
            yield return new DateRow(
                DateKey.Of(d), d.ToString("yyyy-MM-dd"), d.Year, (d.Month - 1) / 6 + 1, (d.Month - 1) / 3 + 1, d.Month, d.Day,
                d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek,
                calendar.IsWorkingDay(d) ? 1 : 0, calendar.HolidayName(d),
                rm.Year, (rm.Number - 1) / 6 + 1, (rm.Number - 1) / 3 + 1, rm.Number,
                Period.Containing(Grain.Month, d).Seq, Period.Containing(Grain.Quarter, d).Seq,
                Period.Containing(Grain.Half, d).Seq, Period.Containing(Grain.Year, d).Seq,
                rm.Seq, Period.Containing(Grain.ReportQuarter, d).Seq,
                Period.Containing(Grain.ReportHalf, d).Seq, Period.Containing(Grain.ReportYear, d).Seq);
        }
    }

    public static IEnumerable<PeriodRow> Periods(int firstYear, int lastYear) =>
        Enum.GetValues<Grain>().SelectMany(grain =>
            Period.Between(grain, new DateOnly(firstYear, 1, 1), new DateOnly(lastYear, 12, 31))
                .Where(p => p.Start.Year >= firstYear && p.End.Year <= lastYear)
                .Select(p => new PeriodRow(p.Code, grain.Code(), p.Seq, DateKey.Of(p.Start), DateKey.Of(p.End), PeriodLabel.Vietnamese(p))));
}
