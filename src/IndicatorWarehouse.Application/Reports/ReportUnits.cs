using System.Data.Common;
using Dapper;
using IndicatorWarehouse.Reporting.Templates.Shared;

namespace IndicatorWarehouse.Application.Reports;

/// <summary>Units as reports name them, read from <c>mart_agency</c> (each unit as its latest version describes it).</summary>
public static class ReportUnits
{
    private sealed record UnitRow(string agency_code, string agency_name, string agency_level, string? province_code);

    public static async Task<ReportUnit> LoadAsync(DbConnection c, string agencyCode)
    {
        var row = await c.QuerySingleOrDefaultAsync<UnitRow>(
            "SELECT agency_code, agency_name, agency_level, province_code FROM mart_agency WHERE agency_code = @agencyCode", new { agencyCode })
            ?? throw new ArgumentException($"Unknown unit '{agencyCode}': see `iw sql \"SELECT agency_code, agency_name FROM mart_agency\"`.");
        var province = row.province_code is null ? null : await ProvinceNameAsync(c, row.province_code);
        return new ReportUnit(row.agency_code, row.agency_name, row.agency_level, province);
    }

    /// <summary>The province's name ("Ủy ban nhân dân tỉnh Tây Ninh"), or its code when the warehouse does not know it.</summary>
    public static async Task<string> ProvinceNameAsync(DbConnection c, string provinceCode) =>
        await c.QuerySingleOrDefaultAsync<string?>(
            "SELECT agency_name FROM mart_agency WHERE agency_code = @provinceCode AND agency_level = 'province'", new { provinceCode })
        ?? provinceCode;
}
