using Cronos;

namespace IndicatorWarehouse.Server.Jobs;

/// <summary>A job's cron expression read the way Hangfire reads it (Cronos): six fields with seconds first
/// (<c>0 30 15 ? * MON-FRI</c>, as the configuration has always spelled them) or the classic five, in the
/// configuration's time zone.</summary>
public static class JobCron
{
    public static CronExpression Parse(string cron) =>
        CronExpression.Parse(cron, cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);

    public static bool IsValid(string cron)
    {
        try
        {
            Parse(cron);
            return true;
        }
        catch (CronFormatException)
        {
            return false;
        }
    }

    public static DateTimeOffset? Next(string cron, DateTimeOffset after, TimeZoneInfo zone) => Parse(cron).GetNextOccurrence(after, zone);

    private static readonly TimeSpan[] LookBack = [TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), TimeSpan.FromDays(1)];

    /// <summary>The firing <paramref name="at"/> belongs to: <see cref="Latest"/>, or <paramref name="at"/> itself when there is none. Hangfire stamps a firing with the moment its scheduler saw it due,
    /// which may be a little late, or much later for a firing made up after every server was down; either way the run
    /// is named for the occurrence, so every retry and every server names it alike.</summary>
    public static DateTimeOffset Occurrence(string cron, DateTimeOffset at, TimeZoneInfo zone) => Latest(cron, at, zone) ?? at;

    /// <summary>The latest occurrence at or before <paramref name="at"/>, looking back a day at most.</summary>
    public static DateTimeOffset? Latest(string cron, DateTimeOffset at, TimeZoneInfo zone)
    {
        var expression = Parse(cron);
        // Cronos counts forward only: look back a minute first, so a job every second does not list a day of them.
        foreach (var window in LookBack)
        {
            var latest = expression.GetOccurrences(at - window, at, zone, fromInclusive: true, toInclusive: true).LastOrDefault();
            if (latest != default) return latest;
        }
        return null;
    }
}
