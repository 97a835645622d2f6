namespace IndicatorWarehouse.Domain.Calendar;

/// <summary>Dates as <c>yyyymmdd</c> integers: the key of <c>dim_date</c> and of every date column the
/// measure build compares.</summary>
public static class DateKey
{
    public static int Of(DateOnly date) => date.Year * 10000 + date.Month * 100 + date.Day;
    public static int Of(DateTime dateTime) => Of(DateOnly.FromDateTime(dateTime));
    public static DateOnly ToDate(int key) => new(key / 10000, key / 100 % 100, key % 100);
}
