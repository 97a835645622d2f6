using System.Globalization;

namespace IndicatorWarehouse.Server.Jobs;

/// <summary>How a run names the period it is for. The lease is taken per job and period, so this is what makes
/// two servers firing the same schedule run the job once.</summary>
public abstract record JobPeriod
{
    /// <summary>The period a run fired at <paramref name="at"/> (local time) is for.</summary>
    public abstract string For(DateTime at);

    /// <summary>Whether a period given by hand has this job's form.</summary>
    public abstract bool IsValid(string period);

    /// <summary>The scheduled minute: every pull is its own period.</summary>
    public sealed record Minute : JobPeriod
    {
        public override string For(DateTime at) => at.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

        public override bool IsValid(string period) =>
            DateTime.TryParseExact(period, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    /// <summary>The day (YYYY-MM-DD): daily reports.</summary>
    public sealed record Day : JobPeriod
    {
        public override string For(DateTime at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        public override bool IsValid(string period) =>
            DateOnly.TryParseExact(period, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    /// <summary>The latest month (YYYY-MM) that closed at least until day <paramref name="DueDay"/> of the next month:
    /// on 5 December with day 5 that is November, on 4 December still October. Asking for the latest due month,
    /// not "last month", lets a server that was down on the due day catch up on its next run.</summary>
    public sealed record ClosedMonth(int DueDay) : JobPeriod
    {
        public override string For(DateTime at)
        {
            var month = new DateOnly(at.Year, at.Month, 1).AddMonths(at.Day >= DueDay ? -1 : -2);
            return month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        }

        public override bool IsValid(string period) =>
            DateOnly.TryParseExact(period, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }
}
