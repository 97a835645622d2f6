namespace IndicatorWarehouse.Warehouse.Dialects;

/// <summary>What a dialect returns for a hold it has no means (or no need) to take.</summary>
internal sealed class NothingHeld : IDisposable
{
    public static readonly IDisposable Instance = new NothingHeld();

    public void Dispose() { }
}
