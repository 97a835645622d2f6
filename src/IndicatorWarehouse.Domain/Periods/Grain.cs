namespace IndicatorWarehouse.Domain.Periods;

/// <summary>The period grains measures are computed for: calendar month/quarter/half/year and the
/// government reporting equivalents, whose data runs from the 15th of the month before to the 14th.</summary>
public enum Grain
{
    Month,
    Quarter,
    Half,
    Year,
    ReportMonth,
    ReportQuarter,
    ReportHalf,
    ReportYear,
}

public static class GrainExtensions
{
    /// <summary>Short code stored in <c>dim_period.grain</c>.</summary>
    public static string Code(this Grain grain) => grain switch
    {
        Grain.Month => "M", Grain.Quarter => "Q", Grain.Half => "H", Grain.Year => "Y",
        Grain.ReportMonth => "RM", Grain.ReportQuarter => "RQ", Grain.ReportHalf => "RH", Grain.ReportYear => "RY",
        _ => throw new ArgumentOutOfRangeException(nameof(grain)),
    };

    public static bool IsReporting(this Grain grain) => grain >= Grain.ReportMonth;

    /// <summary>Months in one period of the grain.</summary>
    public static int Months(this Grain grain) => grain switch
    {
        Grain.Month or Grain.ReportMonth => 1,
        Grain.Quarter or Grain.ReportQuarter => 3,
        Grain.Half or Grain.ReportHalf => 6,
        _ => 12,
    };

    /// <summary>The <c>dim_date</c> column holding the sequence number of a day's period in this grain.</summary>
    public static string SeqColumn(this Grain grain) => grain switch
    {
        Grain.Month => "month_seq", Grain.Quarter => "quarter_seq", Grain.Half => "half_seq", Grain.Year => "year_seq",
        Grain.ReportMonth => "report_month_seq", Grain.ReportQuarter => "report_quarter_seq",
        Grain.ReportHalf => "report_half_seq", Grain.ReportYear => "report_year_seq",
        _ => throw new ArgumentOutOfRangeException(nameof(grain)),
    };
}
