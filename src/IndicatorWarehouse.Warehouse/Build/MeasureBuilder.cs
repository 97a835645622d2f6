using System.Data.Common;
using Dapper;
using IndicatorWarehouse.Domain.Calendar;
using IndicatorWarehouse.Domain.Periods;

namespace IndicatorWarehouse.Warehouse.Build;

/// <summary>Runs the set-based measure build (<c>build/measures.sql</c> of the dialect) for the periods of every
/// grain that overlap a date range, replacing their indicator values.</summary>
public sealed class MeasureBuilder(WarehouseDatabase database)
{
    private static readonly string[] Sequence = ["create_temp", "dossier_counts", "pakn_counts", "combine", "delete_values", "insert_values", "drop_temp"];

    /// <summary>Rebuilds every period of every grain overlapping [from, to]; returns the periods rebuilt.</summary>
    public async Task<IReadOnlyList<Period>> BuildAsync(DbConnection connection, DbTransaction tx, DateOnly from, DateOnly to,
        long buildId, string ruleVersion, CancellationToken ct = default)
    {
        var steps = SqlScripts.Steps(database.Dialect.Name, "build/measures.sql");
        var sources = await connection.QuerySingleAsync<(long Pakn, long Digitization)>(
            "SELECT (SELECT COUNT(*) FROM fact_pakn), (SELECT COUNT(*) FROM fact_digitization)", transaction: tx);
        var rebuilt = new List<Period>();
        foreach (var grain in Enum.GetValues<Grain>())
        {
            var first = Period.Containing(grain, from);
            var last = Period.Containing(grain, to);
            var parameters = new
            {
                grain = grain.Code(), from_seq = first.Seq, to_seq = last.Seq,
                from_key = DateKey.Of(first.Start), to_key = DateKey.Of(last.End),
                build_id = buildId, rule_version = ruleVersion,
                has_pakn = sources.Pakn > 0 ? 1 : 0, has_digitization = sources.Digitization > 0 ? 1 : 0,
            };
            foreach (var step in Sequence)
                await connection.ExecuteAsync(new CommandDefinition(steps[step], parameters, tx, commandTimeout: 0, cancellationToken: ct));
            for (var p = first; p.Seq <= last.Seq; p = p.Next()) rebuilt.Add(p);
        }
        return rebuilt;
    }
}
