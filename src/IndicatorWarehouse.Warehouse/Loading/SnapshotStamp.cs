namespace IndicatorWarehouse.Warehouse.Loading;

/// <summary>What every row a snapshot writes carries: its id, its as-of (ISO text and yyyymmdd key) and when it was loaded (ISO text).</summary>
public sealed record SnapshotStamp(long SnapshotId, string AsOf, int AsOfKey, string Now);
