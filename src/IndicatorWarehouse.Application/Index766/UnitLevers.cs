using System.Data.Common;
using Dapper;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Domain.Index766;
using IndicatorWarehouse.Domain.Periods;
using IndicatorWarehouse.Domain.Targets;
using IndicatorWarehouse.Reporting.Formatting;
using IndicatorWarehouse.Reporting.Templates.Shared;
using IndicatorWarehouse.Warehouse;

namespace IndicatorWarehouse.Application.Index766;

/// <summary>One lever of a unit, with the names a person reads and the Decision group it raises.</summary>
public sealed record UnitLever(Lever Lever, string MetricName, string GroupCode, string GroupName)
{
    /// <summary>"Hồ sơ giải quyết đúng hạn: cần thêm 3 để đạt 20/20 điểm (+1,2 điểm)".</summary>
    public string Sentence() =>
        $"{MetricName}: cần thêm {ViFormat.Count(Lever.Needed)} để đạt {ViFormat.Compact(Lever.MaxScore)}/{ViFormat.Compact(Lever.MaxScore)} điểm " +
        $"(+{ViFormat.Compact(Lever.PointsGained ?? 0)} điểm)";

    /// <summary>The lever as the scorecard and the unit dashboard list it; the counts it starts from as "17/20".</summary>
    public LeverLine ToLine() => new(GroupName, Sentence(), $"{Counted(Lever.Numerator)}/{Counted(Lever.Denominator)}");

    private static string Counted(double? count) => count is { } c ? ViFormat.Compact(c) : ViFormat.Missing;
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
        return await LeversAsync(c, agencyCode, period);
    }

    /// <summary>The levers of the Decision groups below their target: what the scorecard's "Để tăng điểm Bộ chỉ số 766"
    /// and the unit dashboard list. A group with a target (the unit's plan, as the build assessed it) is below it unless
    /// its status is "Đạt" — a group scored on part of its maximum never is. A group no plan sets a target for is held
    /// to the Decision's maximum: the index itself asks for every point, and leaving such a group out would hide levers
    /// from the many units whose plans name no 766 target.</summary>
    public async Task<IReadOnlyList<UnitLever>> BelowTargetAsync(string agencyCode, string periodCode, CancellationToken ct = default)
    {
        var period = Period.Parse(periodCode).Code;
        await using var c = await database.OpenReadOnlyAsync(ct);
        var levers = await LeversAsync(c, agencyCode, period);
        var rules = reference.Index766Rules();
        var groups = (await c.QueryAsync<GroupRow>(
            "SELECT indicator_code, value, target_value, status FROM mart_indicator_value " +
            "WHERE agency_code = @agencyCode AND period_code = @period AND indicator_code IN @codes",
            new { agencyCode, period, codes = rules.Groups.Select(g => Index766Rules.IndicatorPrefix + g.Code).ToList() }))
            .ToDictionary(g => g.indicator_code);
        // A group with no row had no metric scored, so it has no lever to let through either way.
        bool Below(ScoreGroup group) => groups.GetValueOrDefault(Index766Rules.IndicatorPrefix + group.Code) is not { } row
            || (row.target_value is null ? row.value < group.Max : row.status != TargetAssessment.Code(TargetState.Met));
        var below = rules.Groups.Where(Below).Select(g => g.Code).ToHashSet();
        return levers.Where(l => below.Contains(l.GroupCode)).ToList();
    }

    private async Task<IReadOnlyList<UnitLever>> LeversAsync(DbConnection c, string agencyCode, string period)
    {
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
                return new UnitLever(l, rule.NameVi, rule.Group, rules.Groups.First(g => g.Code == rule.Group).NameVi);
            }).ToList();
    }

    private sealed record GroupRow(string indicator_code, double? value, double? target_value, string? status);
}
