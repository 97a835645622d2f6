using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;
using IndicatorWarehouse.Domain.Calendar;
using IndicatorWarehouse.Domain.Periods;

namespace IndicatorWarehouse.Warehouse.Build;

/// <summary>One SQL statement batch of the measure build and the parameters it runs with.</summary>
public sealed record MeasureBuildStep(string Name, string Sql, IReadOnlyDictionary<string, object> Parameters);

/// <summary>Runs the set-based measure build for the periods of every grain that overlap a date range, replacing
/// their indicator values: <c>build/profile.sql</c> once, then <c>build/measures.sql</c> per grain.</summary>
public sealed partial class MeasureBuilder(WarehouseDatabase database)
{
    private static readonly string[] ProfileSequence = ["create_profiles", "dossier_slices", "profile_dossiers", "profile_slices", "dossier_months", "profile_pakn"];
    private static readonly string[] GrainSequence = ["create_temp", "dossier_counts", "pakn_counts", "dossier_zeros", "combine", "delete_values", "insert_values", "move_slices", "insert_figures", "lineage", "drop_temp"];

    /// <summary>Rebuilds every period of every grain overlapping [from, to]; returns the periods rebuilt. A period that
    /// holds <paramref name="asOf"/> (the data's as-of day) is open: its pending stock is judged at that day.</summary>
    public async Task<IReadOnlyList<Period>> BuildAsync(DbConnection connection, DbTransaction tx, DateOnly from, DateOnly to, DateOnly asOf,
        long buildId, string ruleVersion, long ruleSetId, CancellationToken ct = default)
    {
        var sources = await connection.QuerySingleAsync<(long Onestop, long Pakn, long Digitization)>(
            "SELECT CASE WHEN EXISTS (SELECT 1 FROM fact_dossier) THEN 1 ELSE 0 END, CASE WHEN EXISTS (SELECT 1 FROM fact_pakn) THEN 1 ELSE 0 END, " +
            "CASE WHEN EXISTS (SELECT 1 FROM fact_digitization) THEN 1 ELSE 0 END", transaction: tx);
        foreach (var step in Plan(database.Dialect.Name, from, to, asOf, buildId, ruleVersion, ruleSetId, sources.Onestop > 0, sources.Pakn > 0, sources.Digitization > 0))
            await StepTrace.TimeAsync(step.Name, () =>
                connection.ExecuteAsync(new CommandDefinition(step.Sql, step.Parameters, tx, commandTimeout: 0, cancellationToken: ct)));
        return PeriodsOf(from, to);
    }

    /// <summary>The periods of every grain overlapping [from, to]: what <see cref="BuildAsync"/> rebuilds.</summary>
    public static IReadOnlyList<Period> PeriodsOf(DateOnly from, DateOnly to) => Grains(from, to).SelectMany(g => Periods(g.First, g.Last)).ToList();

    /// <summary>The build's statements in the order they run, with their parameters: what <see cref="BuildAsync"/>
    /// executes, and what a benchmark replays in the database's own shell to measure the engine alone.</summary>
    public static IReadOnlyList<MeasureBuildStep> Plan(string dialect, DateOnly from, DateOnly to, DateOnly asOf, long buildId, string ruleVersion,
        long ruleSetId, bool hasOnestop, bool hasPakn, bool hasDigitization)
    {
        var profile = SqlScripts.Steps(dialect, "build/profile.sql");
        var measures = SqlScripts.Steps(dialect, "build/measures.sql");
        var grains = Grains(from, to);
        // Every grain's first period starts on or before `from` and its last ends on or after `to`: profile that whole span.
        var span = new Dictionary<string, object>
        {
            ["from_key"] = grains.Min(g => DateKey.Of(g.First.Start)), ["to_key"] = grains.Max(g => DateKey.Of(g.Last.End)),
            ["as_of_key"] = DateKey.Of(asOf), ["cutoff_day"] = Period.ReportCutOffDay,
        };
        var plan = ProfileSequence.Select(name => Step(name, profile[name], span)).ToList();
        foreach (var (grain, first, last) in grains)
        {
            var parameters = new Dictionary<string, object>
            {
                ["grain"] = grain.Code(), ["grain_months"] = grain.Months(), ["reporting"] = grain.IsReporting() ? 1 : 0,
                ["from_seq"] = first.Seq, ["to_seq"] = last.Seq, ["build_id"] = buildId, ["rule_version"] = ruleVersion, ["rule_set_id"] = ruleSetId,
                ["has_onestop"] = hasOnestop ? 1 : 0, ["has_pakn"] = hasPakn ? 1 : 0, ["has_digitization"] = hasDigitization ? 1 : 0,
            };
            plan.AddRange(GrainSequence.Select(name => Step($"{grain.Code()} {name}", measures[name], parameters)));
        }
        plan.Add(Step("drop_profiles", profile["drop_profiles"], span));
        return plan;
    }

    // Only the parameters the step names: Dapper sends every entry of a dictionary, and on SQL Server a command that
    // carries parameters runs inside sp_executesql, which drops the temp tables a create step makes when it returns.
    private static MeasureBuildStep Step(string name, string sql, IReadOnlyDictionary<string, object> parameters)
    {
        var named = ParameterName().Matches(sql).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        return new MeasureBuildStep(name, sql, parameters.Where(p => named.Contains(p.Key)).ToDictionary());
    }

    private static List<(Grain Grain, Period First, Period Last)> Grains(DateOnly from, DateOnly to) =>
        Enum.GetValues<Grain>().Select(g => (g, Period.Containing(g, from), Period.Containing(g, to))).ToList();

    private static IEnumerable<Period> Periods(Period first, Period last)
    {
        for (var p = first; p.Seq <= last.Seq; p = p.Next()) yield return p;
    }

    [GeneratedRegex(@"@([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex ParameterName();
}
