using System.Data.Common;
using System.Globalization;
using Dapper;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Domain.Index766;
using IndicatorWarehouse.Domain.Periods;
using IndicatorWarehouse.Domain.Targets;
using IndicatorWarehouse.Domain.Trends;
using IndicatorWarehouse.Warehouse.Queries;

namespace IndicatorWarehouse.Application.Build;

/// <summary>What the build derives from the counted measures with domain rules rather than SQL: the 766
/// scores (the pure scorer over the warehouse's rates) and each figure's status against its target.</summary>
internal sealed class DerivedMeasures(DbConnection connection, DbTransaction tx, ReferenceFiles reference)
{
    /// <summary>Warehouse rates that feed 766 metrics. Metrics the sources cannot supply (publication,
    /// online-service and payment procedure counts) stay "no data" here.</summary>
    private static readonly Dictionary<string, string> MetricSources = new()
    {
        ["on_time_rate_766"] = "PROGRESS",
        ["online_rate"] = "ONLINE_DOSSIER_RATE",
        ["digitized_result_rate"] = "ORIGINAL_RESULT_AVAILABLE",
        ["digitized_dossier_rate"] = "SO_HOA_GIAY_TO_GIAI_QUYET",
        ["reuse_rate"] = "REUSED_DIGITIZED_DATA",
        ["personal_store_rate"] = "SYNCED_WITH_DVCQG_PERSONAL_STORAGE",
        ["population_db_rate"] = "CITIZEN_DATA_CONNECTED_DOSSIER",
        ["pakn_on_time_rate"] = "PETITION_PROCESSING_ON_TIME",
        ["pakn_satisfaction_rate"] = "PETITION_HANDLING_SATISFACTION",
        ["dossier_satisfaction_rate"] = "DOSSIER_RECEIVING_SATISFACTION",
    };

    private sealed record ValueRow(string agency_code, string period_code, string indicator_code, double? numerator, double? denominator, double? value);

    public async Task WriteAsync(IReadOnlyList<Period> periods, long buildId, string ruleVersion, CancellationToken ct)
    {
        var codes = periods.Select(p => p.Code).ToList();
        var values = (await connection.QueryAsync<ValueRow>(
            "SELECT agency_code, period_code, indicator_code, numerator, denominator, value FROM fact_indicator_value " +
            "WHERE period_code IN @codes", new { codes }, tx)).ToList();
        await WriteIndex766Async(codes, values, buildId, ruleVersion);
        await WriteStatusAsync(codes, buildId, ct);
    }

    private async Task WriteIndex766Async(List<string> codes, List<ValueRow> values, long buildId, string ruleVersion)
    {
        var inputs = values.Where(v => MetricSources.ContainsKey(v.indicator_code) && v.denominator is not null)
            .Select(v => new MetricInput(v.agency_code, v.period_code, MetricSources[v.indicator_code], v.numerator, v.denominator));
        var scores = new Index766Scorer(reference.Index766Rules()).Score(inputs)
            .Where(s => s.Level != ScoreLevel.Metric && s.Score is not null)
            .Select(s => new
            {
                agency_code = s.Unit, period_code = s.Period,
                indicator_code = s.Level == ScoreLevel.Total ? "index766_total" : "index766_" + s.Group,
                numerator = s.Score, denominator = s.MaxScore, value = s.Score, rule_version = ruleVersion, build_id = buildId,
            });
        await connection.ExecuteAsync("DELETE FROM fact_indicator_value WHERE period_code IN @codes AND indicator_code LIKE 'index766%'", new { codes }, tx);
        await connection.ExecuteAsync(
            "INSERT INTO fact_indicator_value (agency_code, period_code, indicator_code, numerator, denominator, value, rule_version, build_id) " +
            "VALUES (@agency_code, @period_code, @indicator_code, @numerator, @denominator, @value, @rule_version, @build_id)", scores, tx);
    }

    private async Task WriteStatusAsync(List<string> codes, long buildId, CancellationToken ct)
    {
        var targets = await TargetQueries.AllAsync(connection, tx);
        await connection.ExecuteAsync("DELETE FROM fact_indicator_status WHERE period_code IN @codes", new { codes }, tx);
        if (targets.Count == 0) return;

        var resolver = new TargetResolver(targets);
        var indicators = targets.Select(t => t.Indicator).Distinct().ToList();
        var asOfText = await connection.ExecuteScalarAsync<string?>("SELECT MAX(as_of) FROM etl_snapshot WHERE reverted_at IS NULL", transaction: tx);
        var asOf = asOfText is null ? DateOnly.MaxValue : DateOnly.FromDateTime(DateTime.Parse(asOfText, CultureInfo.InvariantCulture));
        var monthly = (await connection.QueryAsync<(string Agency, string Period, string Indicator, double? Value)>(
                "SELECT v.agency_code, v.period_code, v.indicator_code, v.value FROM fact_indicator_value v " +
                "JOIN dim_period p ON p.period_code = v.period_code WHERE p.grain = 'M' AND v.indicator_code IN @indicators",
                new { indicators }, tx))
            .Where(r => r.Value is not null)
            .ToLookup(r => (r.Agency, r.Indicator), r => KeyValuePair.Create(Period.Parse(r.Period).Seq, r.Value!.Value));
        var current = await connection.QueryAsync<(string Agency, string Period, string Indicator, double? Value)>(
            "SELECT agency_code, period_code, indicator_code, value FROM fact_indicator_value WHERE period_code IN @codes AND indicator_code IN @indicators",
            new { codes, indicators }, tx);

        var rows = new List<object>();
        foreach (var v in current)
        {
            var period = Period.Parse(v.Period);
            if (resolver.Resolve(v.Agency, v.Indicator, period) is not { } applicable) continue;
            var closed = period.End < asOf;
            double? projected = null;
            if (!closed)
            {
                var series = monthly[(v.Agency, v.Indicator)].ToDictionary(kv => kv.Key, kv => kv.Value);
                projected = Trend.Project(series, Period.Containing(Grain.Month, asOf).Seq, Period.Containing(Grain.Month, period.End).Seq);
            }
            var assessment = TargetAssessment.Assess(v.Value, applicable.Target, closed, projected);
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
