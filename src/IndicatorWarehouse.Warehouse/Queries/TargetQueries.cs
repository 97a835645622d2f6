using System.Data.Common;
using Dapper;
using IndicatorWarehouse.Domain.Targets;

namespace IndicatorWarehouse.Warehouse.Queries;

/// <summary>The targets the plans declare (<c>fact_target</c>), as the domain's <see cref="Target"/>s.</summary>
public static class TargetQueries
{
    public static async Task<IReadOnlyList<Target>> AllAsync(DbConnection connection, DbTransaction? tx = null) =>
        (await connection.QueryAsync<(long Id, string Agency, string Indicator, string Spec, string Comparator, double Value, string Doc, string Clause)>(
            "SELECT target_id, agency_code, indicator_code, period_spec, comparator, target_value, source_document, clause FROM fact_target", transaction: tx))
        .Select(t => new Target(t.Id, t.Agency, t.Indicator, TargetPeriod.Parse(t.Spec), t.Comparator, t.Value, t.Doc, t.Clause)).ToList();
}
