namespace IndicatorWarehouse.Warehouse.Dialects;

/// <summary>Where `iw serve` keeps its Hangfire schedule for this database: in a schema of the warehouse that every server
/// shares (<see cref="SharedSchema"/>, created and upgraded by Hangfire itself), or, when null, in each server's memory,
/// the run ledger and the leases in the warehouse being what servers share and what outlives a restart. Plain values,
/// so the warehouse does not depend on Hangfire.</summary>
public sealed record JobStoreSettings(string? SharedSchema);
