namespace IndicatorWarehouse.Domain.Calendar;

/// <summary>The one clock of the product: "now" read in the data's time zone, so a default as-of, a report's date
/// and a ledger's timestamp all speak the time the source timestamps are written in, whatever zone the host is set
/// to. The time itself comes from a <see cref="TimeProvider"/>, which tests replace with a fake they can move.</summary>
public sealed class DataClock(TimeProvider time, TimeZoneInfo zone)
{
    /// <summary>Vietnam's time (UTC+7, no daylight saving): the zone the sources write their timestamps in.</summary>
    public const string DefaultTimeZoneId = "Asia/Ho_Chi_Minh";

    /// <summary>The environment variable that names another zone (an IANA or Windows id).</summary>
    public const string TimeZoneVariable = "IW_TIME_ZONE";

    /// <summary>The system's time in the default zone.</summary>
    public static DataClock System { get; } = new(TimeProvider.System, FindZone(DefaultTimeZoneId));

    public TimeProvider Time { get; } = time;
    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>Now, as a wall-clock time in the data's zone (no zone attached, like the source timestamps).</summary>
    public DateTime Now => ToDataTime(Time.GetUtcNow());

    /// <summary>Today in the data's zone.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Now);

    /// <summary>A moment as the data's wall-clock time.</summary>
    public DateTime ToDataTime(DateTimeOffset moment) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(moment, Zone).DateTime, DateTimeKind.Unspecified);

    /// <summary>The zone of an IANA or Windows id. A host without time-zone data still knows Vietnam's fixed offset.</summary>
    public static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            if (id == DefaultTimeZoneId)
                return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(7), "Giờ Việt Nam (UTC+07:00)", "Giờ Việt Nam");
            throw new ArgumentException(
                $"Múi giờ '{id}' không có trên máy này / unknown time zone '{id}': dùng mã IANA, ví dụ {DefaultTimeZoneId}.", e);
        }
    }
}
