using System.Data.Common;
using Dapper;
using IndicatorWarehouse.Domain.Calendar;
using IndicatorWarehouse.Domain.Periods;

namespace IndicatorWarehouse.Warehouse.Build;

/// <summary>Runs the set-based measure build for the periods of every grain that overlap a date range, replacing
/// their indicator values: <c>build/profile.sql</c> once, then <c>build/measures.sql</c> per grain.</summary>
public sealed class MeasureBuilder(WarehouseDatabase database)
{
    private static readonly string[] Sequence = ["create_temp", "dossier_counts", "pakn_counts", "combine", "delete_values", "insert_values", "insert_figures", "drop_temp"];

    /// <summary>Rebuilds every period of every grain overlapping [from, to]; returns the periods rebuilt.</summary>
    public async Task<IReadOnlyList<Period>> BuildAsync(DbConnection connection, DbTransaction tx, DateOnly from, DateOnly to,
        long buildId, string ruleVersion, CancellationToken ct = default)
    {
        var steps = SqlScripts.Steps(database.Dialect.Name, "build/measures.sql");
        var profile = SqlScripts.Steps(database.Dialect.Name, "build/profile.sql");
        // Every grain's first period starts on or before `from` and its last ends on or after `to`: profile that whole span.
        var grains = Enum.GetValues<Grain>().Select(g => (Grain: g, First: Period.Containing(g, from), Last: Period.Containing(g, to))).ToList();
        var span = new
        {
            from_key = grains.Min(g => DateKey.Of(g.First.Start)), to_key = grains.Max(g => DateKey.Of(g.Last.End)),
            cutoff_day = Period.ReportCutOffDay,
        };
        foreach (var step in new[] { "create_profiles", "profile_dossiers", "profile_pakn" })
            await StepTrace.TimeAsync(step, () => connection.ExecuteAsync(new CommandDefinition(profile[step], span, tx, commandTimeout: 0, cancellationToken: ct)));
        var sources = await connection.QuerySingleAsync<(long Pakn, long Digitization)>(
            "SELECT (SELECT COUNT(*) FROM fact_pakn), (SELECT COUNT(*) FROM fact_digitization)", transaction: tx);
        var rebuilt = new List<Period>();
        foreach (var (grain, first, last) in grains)
        {
            var parameters = new
            {
                grain = grain.Code(), grain_months = grain.Months(), reporting = grain.IsReporting() ? 1 : 0,
                from_seq = first.Seq, to_seq = last.Seq, build_id = buildId, rule_version = ruleVersion,
                has_pakn = sources.Pakn > 0 ? 1 : 0, has_digitization = sources.Digitization > 0 ? 1 : 0,
            };
            foreach (var step in Sequence)
                await StepTrace.TimeAsync($"{grain.Code()} {step}", () =>
                    connection.ExecuteAsync(new CommandDefinition(steps[step], parameters, tx, commandTimeout: 0, cancellationToken: ct)));
            for (var p = first; p.Seq <= last.Seq; p = p.Next()) rebuilt.Add(p);
        }
        await connection.ExecuteAsync(new CommandDefinition(profile["drop_profiles"], transaction: tx, cancellationToken: ct));
        return rebuilt;
    }
}
