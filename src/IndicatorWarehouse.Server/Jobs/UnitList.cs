using IndicatorWarehouse.Warehouse.Queries;

namespace IndicatorWarehouse.Server.Jobs;

/// <summary>The units a reporting job covers: those the configuration names, or every current unit.</summary>
public sealed class UnitList(IReadOnlyList<string> configured, DashboardQueries queries)
{
    public async Task<IReadOnlyList<string>> ResolveAsync(CancellationToken ct) =>
        configured.Count > 0 ? configured : (await queries.UnitsAsync(ct)).Select(u => u.Code).ToList();
}
