using IndicatorWarehouse.Warehouse.Loading;

namespace IndicatorWarehouse.Tests.Warehouse;

public sealed class ReadAheadTests
{
    [Fact]
    public void Of_ASequenceLongerThanItsQueue_YieldsEveryItemInOrder()
    {
        Assert.Equal(Enumerable.Range(0, 100_003), ReadAhead.Of(Enumerable.Range(0, 100_003), batchSize: 64, batches: 2));
    }

    [Fact]
    public void Of_TheSourceFails_TheConsumerGetsTheSameExceptionAfterTheItemsBeforeIt()
    {
        var seen = new List<int>();

        var error = Assert.Throws<InvalidDataException>(() =>
        {
            foreach (var item in ReadAhead.Of(Failing(2_500), batchSize: 100)) seen.Add(item);
        });

        Assert.Equal("line 2500", error.Message);
        Assert.Equal(Enumerable.Range(0, 2_500), seen);
    }

    [Fact]
    public void Of_TheConsumerStopsEarly_TheSourceIsLeftAndDisposedOnItsThread()
    {
        var source = new TrackedSource();

        var first = ReadAhead.Of(source, batchSize: 10, batches: 2).Take(5).ToList();

        Assert.Equal([0, 1, 2, 3, 4], first);
        Assert.True(source.Disposed);
        // Bounded: the reader stopped within the queue's reach, not at the end of the endless source.
        Assert.InRange(source.Produced, 5, 10 * (2 + 2));
    }

    private static IEnumerable<int> Failing(int after)
    {
        for (var i = 0; i < after; i++) yield return i;
        throw new InvalidDataException($"line {after}");
    }

    private sealed class TrackedSource : IEnumerable<int>
    {
        public bool Disposed { get; private set; }
        public int Produced { get; private set; }

        public IEnumerator<int> GetEnumerator()
        {
            try
            {
                while (true) yield return Produced++;
            }
            finally
            {
                Disposed = true;
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
