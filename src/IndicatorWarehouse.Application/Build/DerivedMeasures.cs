using System.Data.Common;
using System.Globalization;
using Dapper;
using IndicatorWarehouse.Application.Index766;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Domain.Index766;
using IndicatorWarehouse.Domain.Indicators;
using IndicatorWarehouse.Domain.Periods;
using IndicatorWarehouse.Domain.Targets;
using IndicatorWarehouse.Domain.Trends;
using IndicatorWarehouse.Warehouse.Queries;

namespace IndicatorWarehouse.Application.Build;

/// <summary>What the build derives from the counted measures with domain rules rather than SQL: the 766
/// scores (the pure scorer over the warehouse's rates) and each figure's status against its target.</summary>
internal sealed class DerivedMeasures(DbConnection connection, DbTransaction tx, ReferenceFiles reference)
{
    public async Task WriteAsync(IReadOnlyList<Period> periods, long buildId, long ruleSetId, CancellationToken ct)
    {
        var codes = periods.Select(p => p.Code).ToList();
        var values = (await connection.QueryAsync<IndicatorValueRow>(
            "SELECT agency_code, period_code, indicator_code, numerator, denominator, value FROM fact_indicator_value " +
            "WHERE period_code IN @codes", new { codes }, tx)).ToList();
        await WriteIndex766Async(codes, values, buildId, ruleSetId);
        await WriteStatusAsync(codes, buildId, ct);
    }

    /// <summary>Scores every value whose indicator the catalog marks with a 766 metric: rates counted from the sources
    /// and figures reported by hand alike (a figure may be only the ratio the portal publishes). Metrics nothing
    /// feeds stay "no data". Scores carry the version of the 766 rules that scored them, not the catalog's.</summary>
    private async Task WriteIndex766Async(List<string> codes, List<IndicatorValueRow> values, long buildId, long ruleSetId)
    {
        var rules = reference.Index766Rules();
        var scoring = new Index766Scorer(rules).Score(WarehouseMetricInputs.From(values, reference.Indicators(), rules));
        // The build's own figures: one the rules refuse is a fault of the warehouse, not a row to leave unscored.
        if (scoring.Rejected.FirstOrDefault() is { } refused) throw new InvalidOperationException($"766: {refused.Reason}");
        var scores = scoring.Rows
            .Where(s => s.Level != ScoreLevel.Metric && s.Score is not null)
            .Select(s => new
            {
                agency_code = s.Unit, period_code = s.Period,
                indicator_code = s.Level == ScoreLevel.Total ? Index766Rules.TotalIndicator : Index766Rules.IndicatorPrefix + s.Group,
                numerator = s.Score, denominator = s.MaxScore, value = s.Score, rule_version = rules.RuleVersion, rule_set_id = ruleSetId, build_id = buildId,
            });
        await connection.ExecuteAsync("DELETE FROM fact_indicator_value WHERE period_code IN @codes AND indicator_code LIKE 'index766%'", new { codes }, tx);
        await connection.ExecuteAsync(
            "INSERT INTO fact_indicator_value (agency_code, period_code, indicator_code, numerator, denominator, value, rule_version, rule_set_id, build_id) " +
            "VALUES (@agency_code, @period_code, @indicator_code, @numerator, @denominator, @value, @rule_version, @rule_set_id, @build_id)", scores, tx);
    }

    /// <summary>The highest value a figure can take: a 766 score's full maximum, 100 for a percent; none for a count.</summary>
    private static double? Maximum(string indicator, Index766Rules rules, IndicatorCatalog catalog) =>
        rules.FullMaxOf(indicator) ?? (catalog.Contains(indicator) && catalog[indicator].IsRate ? 100 : null);

    private async Task WriteStatusAsync(List<string> codes, long buildId, CancellationToken ct)
    {
        var targets = await TargetQueries.AllAsync(connection, tx);
        await connection.ExecuteAsync("DELETE FROM fact_indicator_status WHERE period_code IN @codes", new { codes }, tx);
        if (targets.Count == 0) return;

        var resolver = new TargetResolver(targets);
        var indicators = targets.Select(t => t.Indicator).Distinct().ToList();
        // Open or closed by the measured data's as-of alone: loading targets or figures never closes a period.
        var asOf = await SnapshotQueries.DataAsOfAsync(connection, tx) is { } t ? DateOnly.FromDateTime(t) : (DateOnly?)null;
        // The months an open period is projected from, calendar and reporting, as stored (a 766 score's points earned).
        var monthly = (await connection.QueryAsync<(string Agency, string Period, string Indicator, double? Value)>(
                "SELECT v.agency_code, v.period_code, v.indicator_code, v.value FROM fact_indicator_value v " +
                "JOIN dim_period p ON p.period_code = v.period_code WHERE p.grain IN ('M', 'RM') AND v.indicator_code IN @indicators",
                new { indicators }, tx))
            .Select(r => (r.Agency, r.Indicator, Month: Period.Parse(r.Period), r.Value))
            .Where(r => r.Value is not null)
            .GroupBy(r => (r.Agency, r.Indicator, r.Month.Grain))
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<int, double>)g.ToDictionary(r => r.Month.Seq, r => r.Value!.Value));
        var current = await connection.QueryAsync<(string Agency, string Period, string Indicator, double? Value, double? Denominator)>(
            "SELECT agency_code, period_code, indicator_code, value, denominator FROM fact_indicator_value WHERE period_code IN @codes AND indicator_code IN @indicators",
            new { codes, indicators }, tx);
        var rules = reference.Index766Rules();
        var catalog = reference.Indicators();

        var rows = new List<object>();
        foreach (var v in current)
        {
            var period = Period.Parse(v.Period);
            if (resolver.Resolve(v.Agency, v.Indicator, period) is not { } applicable) continue;
            var closed = !Provisional.IsOpen(period.End, asOf);
            var accumulates = catalog.Contains(v.Indicator) && catalog[v.Indicator].Accumulates;
            double? projected = null;
            if (!closed && v.Value is { } soFar
                && monthly.TryGetValue((v.Agency, v.Indicator, OpenPeriodProjection.MonthGrainOf(period)), out var months))
                projected = OpenPeriodProjection.Project(period, asOf!.Value, soFar, months, accumulates, Maximum(v.Indicator, rules, catalog));
            var assessment = TargetAssessment.Assess(v.Value, applicable.Target, closed, projected, rules.CoverageOf(v.Indicator, v.Denominator), accumulates);
            rows.Add(new
            {
                agency_code = v.Agency, period_code = v.Period, indicator_code = v.Indicator, target_id = applicable.Target.Id,
                comparator = applicable.Target.Comparator, target_value = applicable.Target.Value,
                conflict_note = applicable.HasConflict
                    ? string.Join("; ", applicable.Conflicting.Select(c => $"{c.Comparator} {c.Value.ToString(CultureInfo.InvariantCulture)} ({c.Provenance})"))
                    : null,
                value = v.Value, gap = assessment.Gap, attainment = assessment.Attainment, projected_value = assessment.Projected,
                status = TargetAssessment.Code(assessment.State), build_id = buildId,
            });
        }
        await connection.ExecuteAsync(
            "INSERT INTO fact_indicator_status (agency_code, period_code, indicator_code, target_id, comparator, target_value, conflict_note, " +
            "value, gap, attainment, projected_value, status, build_id) VALUES (@agency_code, @period_code, @indicator_code, @target_id, " +
            "@comparator, @target_value, @conflict_note, @value, @gap, @attainment, @projected_value, @status, @build_id)", rows, tx);
    }
}
