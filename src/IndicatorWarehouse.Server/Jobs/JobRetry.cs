using Hangfire;
using IndicatorWarehouse.Ingestion.Http;
using IndicatorWarehouse.Server.Configuration;
using IndicatorWarehouse.Warehouse.Dialects;

namespace IndicatorWarehouse.Server.Jobs;

/// <summary>Which failures pass (source unreachable or busy, database busy, a file still locked) and are worth another
/// attempt, and Hangfire's <see cref="AutomaticRetryAttribute"/> that makes it: the configured attempts, the pause
/// doubling from <see cref="RetryConfig.DelaySeconds"/>. Anything else, bad data above all
/// (<see cref="Ingestion.Records.SourceRejectedException"/>), fails at once: asking again would give the same answer.</summary>
public sealed class JobRetry(RetryConfig config, ISqlDialect dialect)
{
    public int Attempts => Math.Max(1, config.Attempts);

    public bool IsTransient(Exception e) => e switch
    {
        HttpSourceException http => http.Transient,
        HttpRequestException or TimeoutException => true,
        TaskCanceledException { InnerException: TimeoutException } => true,
        FileNotFoundException or DirectoryNotFoundException => false,
        IOException => true,
        _ => dialect.IsTransient(e),
    };

    /// <summary>Hangfire retries only <see cref="JobAttemptFailedException"/>, which the runner throws for a passing failure
    /// while attempts are left; a job that failed for good goes straight to Hangfire's failed jobs.</summary>
    public AutomaticRetryAttribute Filter()
    {
        var filter = new AutomaticRetryAttribute
        {
            Attempts = Attempts - 1,
            OnlyOn = [typeof(JobAttemptFailedException)],
            OnAttemptsExceeded = AttemptsExceededAction.Fail,
        };
        // Hangfire wants at least one delay, also when there is no retry to wait for.
        if (Attempts > 1)
            filter.DelaysInSeconds = [.. Enumerable.Range(0, Attempts - 1).Select(n => (int)Math.Round(config.DelaySeconds * Math.Pow(2, n)))];
        return filter;
    }
}

/// <summary>An attempt failed for a passing reason and another is due: the run keeps its lease and its ledger row.</summary>
public sealed class JobAttemptFailedException(string message, Exception inner) : Exception(message, inner);

/// <summary>A run failed for good (recorded so in the ledger); thrown so that Hangfire lists it among its failed jobs.</summary>
public sealed class JobFailedException(string message) : Exception(message);
