using Dapper;
using IndicatorWarehouse.Domain.Periods;
using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Queries;

namespace IndicatorWarehouse.Application.Measures;

/// <summary>One measure of one unit and period as `iw measures` prints it (field names are the contract's).
/// Properties rather than a positional record: Dapper fills a positional record only when each column has exactly
/// its parameter's type, and a column that is NULL in the first row (no target) is typed byte[] by SQLite and
/// int by SQL Server.</summary>
public sealed record MeasureRow
{
    public string agency_code { get; init; } = "";
    public string period { get; init; } = "";
    public string indicator { get; init; } = "";
    public double? numerator { get; init; }
    public double? denominator { get; init; }
    public double? value { get; init; }
    public double? target { get; init; }
    public double? gap { get; init; }
    public string? status { get; init; }
    public string name_vi { get; init; } = "";
    public string unit { get; init; } = "";
    public string? target_source { get; init; }
    public string? conflict_note { get; init; }

    /// <summary>With --lineage: set when a predecessor's part was split by the lineage shares (PAKN), with the shares.</summary>
    public string? estimate_note { get; init; }
}

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
                     NULL AS target, NULL AS gap, NULL AS status, i.name_vi, i.unit, NULL AS target_source, NULL AS conflict_note,
                     l.estimate_note
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

    /// <summary>"tạm tính đến 20/11/2026" when the period is still open at the data's as-of; null when it is closed.</summary>
    public async Task<string?> ProvisionalMarkAsync(string periodCode, CancellationToken ct = default)
    {
        await using var c = await database.OpenReadOnlyAsync(ct);
        return Provisional.Mark(Period.Parse(periodCode).End, await SnapshotQueries.DataAsOfAsync(c));
    }
}
