using System.Data.Common;
using Dapper;
using IndicatorWarehouse.Domain.Calendar;
using IndicatorWarehouse.Domain.Periods;
using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Queries;

namespace IndicatorWarehouse.Application.Exports;

/// <summary>Builds Biểu 06 (one-stop results per unit, field and level) for any period, for one unit, the units of
/// one province, or every unit.</summary>
public sealed class Bieu06Service(WarehouseDatabase database)
{
    public async Task<Bieu06Report> BuildAsync(string periodCode, string? agencyCode = null, string? provinceCode = null, CancellationToken ct = default)
    {
        var period = Period.Parse(periodCode);
        await using var c = await database.OpenAsync(ct);
        var (scope, scopeCode) = await ScopeAsync(c, agencyCode, provinceCode);
        var asOf = await SnapshotQueries.DataAsOfAsync(c);
        var lines = await new Bieu06Query(c).LinesAsync(DateKey.Of(period.Start), DateKey.Of(period.End), agencyCode, provinceCode,
            asOf is { } t ? DateKey.Of(t) : null);
        return new Bieu06Report(period, scope, scopeCode, asOf, Bieu06Rows.Arrange(lines));
    }

    /// <summary>Who reports: the unit asked for, else the province's own unit (its people's committee), else all units.</summary>
    private static async Task<(string Name, string Code)> ScopeAsync(DbConnection c, string? agencyCode, string? provinceCode)
    {
        if (agencyCode is not null)
        {
            var unit = await CurrentAsync(c, agencyCode)
                ?? throw new ArgumentException($"Unknown unit '{agencyCode}': see `iw sql \"SELECT agency_code, agency_name FROM mart_agency\"`.");
            if (provinceCode is not null && unit.province_code != provinceCode)
                throw new ArgumentException($"Unit '{agencyCode}' is not in province '{provinceCode}'.");
            return (unit.agency_name, agencyCode);
        }
        if (provinceCode is null) return ("Tất cả đơn vị", "all");
        if (await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dim_agency WHERE province_code = @provinceCode", new { provinceCode }) == 0)
            throw new ArgumentException($"No unit belongs to province '{provinceCode}'.");
        return ((await CurrentAsync(c, provinceCode))?.agency_name ?? $"Tỉnh {provinceCode}", provinceCode);
    }

    private static Task<AgencyName?> CurrentAsync(DbConnection c, string code) => c.QuerySingleOrDefaultAsync<AgencyName?>("""
        SELECT a.agency_name, a.province_code FROM dim_agency a
        WHERE a.agency_code = @code AND a.valid_from = (SELECT MAX(b.valid_from) FROM dim_agency b WHERE b.agency_code = @code)
        """, new { code });

    private sealed record AgencyName(string agency_name, string? province_code);
}
