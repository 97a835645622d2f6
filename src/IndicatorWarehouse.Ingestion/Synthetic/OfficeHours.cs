namespace IndicatorWarehouse.Ingestion.Synthetic;

/// <summary>Times of day at which things happen: offices work 7:30–11:30 and 13:30–17:00; citizens submit
/// online at any hour from morning to late evening.</summary>
internal static class OfficeHours
{
    private const int MorningStart = 7 * 60 + 30, MorningMinutes = 240, AfternoonStart = 13 * 60 + 30, AfternoonMinutes = 210;
    private const int OnlineStart = 6 * 60, OnlineMinutes = 17 * 60;

    public static readonly TimeSpan DueTime = new(17, 0, 0);

    public static DateTime WorkTime(DateOnly day, Random random)
    {
        var minute = random.Next(MorningMinutes + AfternoonMinutes);
        minute += minute < MorningMinutes ? MorningStart : AfternoonStart - MorningMinutes;
        return At(day, minute, random);
    }

    public static DateTime OnlineTime(DateOnly day, Random random) => At(day, OnlineStart + random.Next(OnlineMinutes), random);

    /// <summary>An office time on <paramref name="day"/>, but not before <paramref name="notBefore"/>
    /// (a few minutes to hours after it when the drawn time would precede it).</summary>
    public static DateTime WorkTimeAfter(DateOnly day, DateTime notBefore, Random random)
    {
        var time = WorkTime(day, random);
        return time > notBefore ? time : notBefore.AddMinutes(random.Next(5, 180)).AddSeconds(random.Next(60));
    }

    private static DateTime At(DateOnly day, int minuteOfDay, Random random) =>
        day.ToDateTime(TimeOnly.MinValue).AddMinutes(minuteOfDay).AddSeconds(random.Next(60));
}
