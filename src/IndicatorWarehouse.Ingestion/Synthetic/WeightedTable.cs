namespace IndicatorWarehouse.Ingestion.Synthetic;

/// <summary>Draws items in proportion to their weights (cumulative sums + binary search, so a draw
/// costs O(log n) however many items there are).</summary>
internal sealed class WeightedTable<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public WeightedTable(IEnumerable<(T Item, double Weight)> entries)
    {
        var kept = entries.Where(e => e.Weight > 0).ToArray();
        if (kept.Length == 0) throw new InvalidOperationException("A weighted table needs at least one item with a positive weight.");
        _items = kept.Select(e => e.Item).ToArray();
        _cumulative = new double[kept.Length];
        var sum = 0.0;
        for (var i = 0; i < kept.Length; i++) _cumulative[i] = sum += kept[i].Weight;
    }

    public IReadOnlyList<T> Items => _items;

    public double Total => _cumulative[^1];

    /// <summary>The weight of the item at <paramref name="index"/> in <see cref="Items"/>.</summary>
    public double WeightAt(int index) => _cumulative[index] - (index == 0 ? 0 : _cumulative[index - 1]);

    public T Pick(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble() * Total);
        if (index < 0) index = ~index;
        return _items[Math.Min(index, _items.Length - 1)];
    }
}
