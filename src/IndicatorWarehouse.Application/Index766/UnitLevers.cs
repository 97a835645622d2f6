using Dapper;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Domain.Index766;
using IndicatorWarehouse.Domain.Periods;
using IndicatorWarehouse.Reporting.Formatting;
using IndicatorWarehouse.Warehouse;

namespace IndicatorWarehouse.Application.Index766;

/// <summary>One lever of a unit, with the names a person reads.</summary>
public sealed record UnitLever(Lever Lever, string MetricName, string GroupName)
{
    /// <summary>"Hồ sơ giải quyết đúng hạn: cần thêm 3 để đạt 20/20 điểm (+1,2 điểm)".</summary>
    public string Sentence() =>
        $"{MetricName}: cần thêm {ViFormat.Count(Lever.Needed)} để đạt {ViFormat.Compact(Lever.MaxScore)}/{ViFormat.Compact(Lever.MaxScore)} điểm " +
        $"(+{ViFormat.Compact(Lever.PointsGained ?? 0)} điểm)";
}

/// <summary>`iw levers`: what would raise a unit's 766 points in a period, from the warehouse's own figures (the same
/// inputs the build scores), ranked by points gained per item added. Metrics at their maximum, or that no count of their
/// own can bring there, are left out.</summary>
public sealed class UnitLevers(WarehouseDatabase database, ReferenceFiles reference)
{
    public async Task<IReadOnlyList<UnitLever>> ForAsync(string agencyCode, string periodCode, CancellationToken ct = default)
    {
        var period = Period.Parse(periodCode).Code;
        await using var c = await database.OpenReadOnlyAsync(ct);
        if (await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dim_agency WHERE agency_code = @agencyCode", new { agencyCode }) == 0)
            throw new ArgumentException($"Không có đơn vị '{agencyCode}' / unknown unit '{agencyCode}'.");
        var values = await c.QueryAsync<IndicatorValueRow>(
            "SELECT agency_code, period_code, indicator_code, numerator, denominator, value FROM fact_indicator_value " +
            "WHERE agency_code = @agencyCode AND period_code = @period", new { agencyCode, period });
        var rules = reference.Index766Rules();
        var (levers, _) = Index766Levers.Find(rules, [.. WarehouseMetricInputs.From(values, reference.Indicators(), rules)]);
        return levers.Where(l => l.Needed > 0)
            .OrderByDescending(l => l.PointsPerItem).ThenBy(l => l.Metric, StringComparer.Ordinal)
            .Select(l =>
            {
                rules.TryGetMetric(l.Metric, out var rule);
                return new UnitLever(l, rule.NameVi, rules.Groups.First(g => g.Code == rule.Group).NameVi);
            }).ToList();
    }
}
