using System.Data.Common;
using Dapper;

namespace IndicatorWarehouse.Warehouse.Rules;

/// <summary>A period whose values a rule set made.</summary>
public sealed record RuleSetPeriod(long RuleSetId, string PeriodCode, string Grain, long Seq);

/// <summary>A build that re-scored periods under another rule set than the one that had made their values.</summary>
public sealed record RuleRescore(long RunId, DateTime StartedAt, long FromRuleSetId, long ToRuleSetId, long Periods);

/// <summary>What each rule set was used for: the values it made, the snapshots loaded under it, the issues that showed
/// its figures, and the builds that re-scored periods from one set to another (<c>etl_rule_rescore</c>).</summary>
public sealed class RuleSetUsage(WarehouseDatabase database)
{
    /// <summary>Every period with values, by the set that made them (figures reported by hand have none).</summary>
    public async Task<IReadOnlyList<RuleSetPeriod>> PeriodsAsync(CancellationToken ct = default)
    {
        await using var c = await database.OpenReadOnlyAsync(ct);
        return (await c.QueryAsync<(long RuleSetId, string Period, string Grain, long Seq)>(new CommandDefinition("""
            SELECT u.rule_set_id, u.period_code, p.grain, p.seq
            FROM (SELECT DISTINCT rule_set_id, period_code FROM fact_indicator_value WHERE rule_set_id IS NOT NULL) u
            JOIN dim_period p ON p.period_code = u.period_code
            ORDER BY u.rule_set_id, p.grain, p.seq
            """, cancellationToken: ct))).Select(r => new RuleSetPeriod(r.RuleSetId, r.Period, r.Grain, r.Seq)).ToList();
    }

    /// <summary>rule set → (snapshots loaded under it, issued reports that showed its figures).</summary>
    public async Task<IReadOnlyDictionary<long, (long Snapshots, long Issues)>> CountsAsync(CancellationToken ct = default)
    {
        await using var c = await database.OpenReadOnlyAsync(ct);
        return (await c.QueryAsync<(long Id, long Snapshots, long Issues)>(new CommandDefinition("""
            SELECT s.rule_set_id,
                   (SELECT COUNT(*) FROM etl_snapshot n WHERE n.rule_set_id = s.rule_set_id),
                   (SELECT COUNT(*) FROM etl_issued_report r WHERE r.rule_set_id = s.rule_set_id)
            FROM etl_rule_set s
            """, cancellationToken: ct))).ToDictionary(r => r.Id, r => (r.Snapshots, r.Issues));
    }

    /// <summary>The builds that re-scored periods into or out of a set, latest first.</summary>
    public async Task<IReadOnlyList<RuleRescore>> RescoresAsync(long ruleSetId, CancellationToken ct = default)
    {
        await using var c = await database.OpenReadOnlyAsync(ct);
        return (await c.QueryAsync<(long RunId, DateTime StartedAt, long From, long To, long Periods)>(new CommandDefinition("""
            SELECT x.run_id, r.started_at, x.from_rule_set_id, x.to_rule_set_id, COUNT(*)
            FROM etl_rule_rescore x JOIN etl_run r ON r.run_id = x.run_id
            WHERE x.from_rule_set_id = @ruleSetId OR x.to_rule_set_id = @ruleSetId
            GROUP BY x.run_id, r.started_at, x.from_rule_set_id, x.to_rule_set_id
            ORDER BY x.run_id DESC
            """, new { ruleSetId }, cancellationToken: ct))).Select(r => new RuleRescore(r.RunId, r.StartedAt, r.From, r.To, r.Periods)).ToList();
    }

    /// <summary>The set of an issue's figures: the newest set that made the values of its periods, or, for a report
    /// counted straight from the loaded facts (no periods), the newest set the snapshots in force were loaded under.</summary>
    public static Task<long?> OfIssueAsync(DbConnection c, IReadOnlyCollection<string> periods, CancellationToken ct) =>
        c.ExecuteScalarAsync<long?>(periods.Count > 0
            ? new CommandDefinition("SELECT MAX(rule_set_id) FROM fact_indicator_value WHERE period_code IN @periods", new { periods }, cancellationToken: ct)
            : new CommandDefinition("SELECT MAX(rule_set_id) FROM etl_snapshot WHERE reverted_at IS NULL", cancellationToken: ct));

    /// <summary>(period, set) for each period among <paramref name="periods"/> whose values another set than
    /// <paramref name="ruleSetId"/> made: what rebuilding them now re-scores.</summary>
    public static async Task<IReadOnlyList<(string Period, long FromRuleSetId)>> MadeUnderOtherSetsAsync(DbConnection c, DbTransaction tx,
        IReadOnlyCollection<string> periods, long ruleSetId, CancellationToken ct) =>
        (await c.QueryAsync<(string, long)>(new CommandDefinition("""
            SELECT DISTINCT period_code, rule_set_id FROM fact_indicator_value
            WHERE period_code IN @periods AND rule_set_id IS NOT NULL AND rule_set_id <> @ruleSetId
            """, new { periods, ruleSetId }, tx, cancellationToken: ct))).ToList();

    /// <summary>Records, with the build's values, that it re-scored these periods under <paramref name="ruleSetId"/>.</summary>
    public static Task RecordRescoreAsync(DbConnection c, DbTransaction tx, long runId, IEnumerable<(string Period, long FromRuleSetId)> rescored,
        long ruleSetId, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO etl_rule_rescore (run_id, period_code, from_rule_set_id, to_rule_set_id) VALUES (@runId, @Period, @FromRuleSetId, @ruleSetId)",
            rescored.Select(r => new { runId, r.Period, r.FromRuleSetId, ruleSetId }), tx, cancellationToken: ct));

    /// <summary>The kinds and periods of every issued report (few: one per report, period and revision).</summary>
    public static async Task<IReadOnlyList<(string Kind, string Period)>> IssuedAsync(DbConnection c, DbTransaction tx, CancellationToken ct) =>
        (await c.QueryAsync<(string, string)>(new CommandDefinition(
            "SELECT DISTINCT kind, period_code FROM etl_issued_report", transaction: tx, cancellationToken: ct))).ToList();
}
