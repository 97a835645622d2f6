namespace IndicatorWarehouse.Warehouse.Dialects;

/// <summary>Takes a load's rows straight into the fact table when they are new records, so a snapshot that adds
/// writes each row once instead of staging it and copying it over. A row it does not take (its record exists already)
/// is staged for the load script's merge, with the dimension keys it resolved written into the staged row.</summary>
public interface IDirectInsert : IAsyncDisposable
{
    /// <summary>Inserts the record of a staged row (<c>[line_no, ..target columns]</c>) unless its key exists; false: stage it.</summary>
    bool TryInsert(object?[] staged);

    /// <summary>Settles what the inserts leave open (dimension members' attributes, the days to rebuild); returns the rows inserted.</summary>
    Task<long> CompleteAsync(CancellationToken ct = default);
}
