namespace IndicatorWarehouse.Server.Jobs;

/// <summary>How one `iw serve` takes part in running the jobs of its warehouse: its name among Hangfire's servers, the
/// time zone its cron expressions are read in, how many jobs it runs at once, how often it looks for due firings and
/// queued jobs, how soon the others count it as gone, how long a job it took may go unreported before another server
/// takes it over (its server died), and how soon it tries again to start when the warehouse could not be reached.
/// Hangfire's defaults but a shorter schedule poll; tests shorten the times.</summary>
public sealed record SchedulerNode
{
    public string Name { get; init; } = Environment.MachineName;

    /// <summary>Vietnam's zone (UTC+7), which .NET knows by its IANA name everywhere and as "SE Asia Standard Time" on Windows.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public int Workers { get; init; } = 2;
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan ServerTimeout { get; init; } = TimeSpan.FromMinutes(5);
    public TimeSpan InvisibilityTimeout { get; init; } = TimeSpan.FromMinutes(5);
    public TimeSpan StartRetry { get; init; } = TimeSpan.FromSeconds(30);
}
