namespace IndicatorWarehouse.Warehouse.Dialects;

/// <summary>Takes a load's rows straight into the fact table when they are new records, so a snapshot that adds
/// writes each row once instead of staging it and copying it over. A row it does not take (its record exists already)
/// is staged for the load script's merge, with the dimension keys it resolved written into the staged row.</summary>
public interface IDirectInsert
{
    /// <summary>Inserts the records of the staged rows (<c>[line_no, ..target columns]</c>, one array the stream may reuse)
    /// whose key the fact table lacks and writes the others to <paramref name="staging"/>; then settles what the inserts
    /// leave open (dimension members' attributes, the days to rebuild). Returns the rows inserted.</summary>
    Task<long> InsertAsync(IAsyncEnumerable<object?[]> staged, IBulkWriter staging, CancellationToken ct = default);
}
