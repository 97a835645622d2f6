using Dapper;
using IndicatorWarehouse.Domain.Periods;
using IndicatorWarehouse.Warehouse;

namespace IndicatorWarehouse.Application.Measures;

/// <summary>One measure of one unit and period as `iw measures` prints it (field names are the contract's).</summary>
public sealed record MeasureRow(
    string agency_code, string period, string indicator, double? numerator, double? denominator, double? value,
    double? target, double? gap, string? status, string name_vi, string unit, string? target_source, string? conflict_note);

/// <summary>Reads the measures of a unit and period from the analyst views, in catalog order.</summary>
public sealed class MeasuresQuery(WarehouseDatabase database)
{
    public async Task<IReadOnlyList<MeasureRow>> ForAsync(string agencyCode, string periodCode, bool lineage = false, CancellationToken ct = default)
    {
        var period = Period.Parse(periodCode).Code;
        await using var c = await database.OpenAsync(ct);
        if (await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dim_agency WHERE agency_code = @agencyCode", new { agencyCode }) == 0)
            throw new ArgumentException($"Unknown unit '{agencyCode}': see `iw sql \"SELECT agency_code, agency_name FROM mart_agency\"`.");
        var sql = lineage
            ? """
              SELECT l.agency_code, l.period_code AS period, l.indicator_code AS indicator, l.numerator, l.denominator, l.value,
                     NULL AS target, NULL AS gap, NULL AS status, i.name_vi, i.unit, NULL AS target_source, NULL AS conflict_note
              FROM mart_indicator_lineage l JOIN dim_indicator i ON i.indicator_code = l.indicator_code
              WHERE l.agency_code = @agencyCode AND l.period_code = @period ORDER BY i.sort_order
              """
            : """
              SELECT m.agency_code, m.period_code AS period, m.indicator_code AS indicator, m.numerator, m.denominator, m.value,
                     m.target_value AS target, m.gap, m.status, m.indicator_name_vi AS name_vi, m.unit,
                     m.target_source, m.conflict_note
              FROM mart_indicator_value m JOIN dim_indicator i ON i.indicator_code = m.indicator_code
              WHERE m.agency_code = @agencyCode AND m.period_code = @period ORDER BY i.sort_order
              """;
        return (await c.QueryAsync<MeasureRow>(sql, new { agencyCode, period })).ToList();
    }
}
