using System.Collections.Concurrent;

namespace IndicatorWarehouse.Warehouse.Loading;

/// <summary>Enumerates a sequence on a thread of its own, a bounded number of batches ahead of the consumer: a load
/// reads and validates the file on one core while the database writes on the other. Memory stays bounded by
/// <c>batches × batchSize</c> items; an exception of the reader is thrown to the consumer, and a consumer that stops
/// early stops the reader. The queue is kept short (about a thousand rows in flight): every row in it outlives the
/// youngest GC generation, and with 16 batches of 1,024 the collector copied tens of megabytes of rows on each pass,
/// stalling the writer too (1M one-stop rows: staging 13.9 → 11.5 s, peak RSS 143 → 109 MB).</summary>
internal static class ReadAhead
{
    public static IEnumerable<T> Of<T>(IEnumerable<T> source, int batchSize = 256, int batches = 4)
    {
        using var queue = new BlockingCollection<List<T>>(batches);
        using var stop = new CancellationTokenSource();
        Exception? failure = null;
        var reader = Task.Factory.StartNew(() =>
        {
            try
            {
                var batch = new List<T>(batchSize);
                foreach (var item in source)
                {
                    batch.Add(item);
                    if (batch.Count < batchSize) continue;
                    queue.Add(batch, stop.Token);
                    batch = new List<T>(batchSize);
                }
                if (batch.Count > 0) queue.Add(batch, stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                failure = e;
            }
            finally
            {
                queue.CompleteAdding();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable())
                foreach (var item in batch)
                    yield return item;
            reader.Wait();
            if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
        finally
        {
            stop.Cancel();
            // Drain so a reader blocked on a full queue sees the cancellation, then wait for it to leave the source.
            while (queue.TryTake(out _)) { }
            reader.Wait();
        }
    }
}
