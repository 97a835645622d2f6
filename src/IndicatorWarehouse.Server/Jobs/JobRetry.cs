using IndicatorWarehouse.Ingestion.Http;
using IndicatorWarehouse.Server.Configuration;
using IndicatorWarehouse.Warehouse.Dialects;
using Polly;
using Polly.Retry;

namespace IndicatorWarehouse.Server.Jobs;

/// <summary>Retries a job's work after failures that pass (source unreachable or busy, database busy, a file still
/// locked) with exponential backoff and jitter; anything else, bad data above all
/// (<see cref="Ingestion.Records.SourceRejectedException"/>), fails at once: asking again would give the same answer.</summary>
public sealed class JobRetry(RetryConfig config, ISqlDialect dialect, TimeProvider? clock = null)
{
    public bool IsTransient(Exception e) => e switch
    {
        HttpSourceException http => http.Transient,
        HttpRequestException or TimeoutException => true,
        TaskCanceledException { InnerException: TimeoutException } => true,
        FileNotFoundException or DirectoryNotFoundException => false,
        IOException => true,
        _ => dialect.IsTransient(e),
    };

    /// <summary>Runs <paramref name="work"/> until it succeeds, fails for good, or the attempts are spent;
    /// <paramref name="onRetry"/> hears of every failure that is retried and how long the pause before the next try is.</summary>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> work, Action<Exception, TimeSpan> onRetry, CancellationToken ct)
    {
        if (config.Attempts <= 1) return await work(ct);
        var pipeline = new ResiliencePipelineBuilder { TimeProvider = clock ?? TimeProvider.System }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = config.Attempts - 1,
                Delay = TimeSpan.FromSeconds(config.DelaySeconds),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    onRetry(args.Outcome.Exception!, args.RetryDelay);
                    return default;
                },
            })
            .Build();
        return await pipeline.ExecuteAsync(async token => await work(token), ct);
    }
}
