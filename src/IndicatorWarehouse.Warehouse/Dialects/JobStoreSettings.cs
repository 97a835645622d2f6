namespace IndicatorWarehouse.Warehouse.Dialects;

/// <summary>How Quartz.NET's persistent job store reaches its tables (migration 009) in this database: Quartz's name
/// for the ADO.NET provider, the driver delegate type, the table prefix, and the lock handler type when Quartz's own
/// choice for a cluster does not fit (null: Quartz chooses). Plain strings, so the warehouse does not depend on Quartz.</summary>
public sealed record JobStoreSettings(string Provider, string DriverDelegateType, string TablePrefix, string? LockHandlerType);
