using Dapper;
using IndicatorWarehouse.Domain.Periods;
using IndicatorWarehouse.Reporting.Templates.Rankings;
using IndicatorWarehouse.Warehouse;

namespace IndicatorWarehouse.Application.Reports.Rankings;

/// <summary>Reads the province's monthly ranking from <c>mart_unit_ranking</c>: the month, the same month a year
/// before, and the 12 months up to it, for every unit of the province below the province itself.</summary>
public sealed class RankingQuery(WarehouseDatabase database)
{
    public const int HeatMonths = 12;

    /// <summary>Levels in the order the report lists them.</summary>
    private static readonly string[] Levels = ["department", "centre", "commune"];

    public async Task<RankingModel> LoadAsync(string provinceCode, string month, DateOnly generatedOn, CancellationToken ct = default)
    {
        var period = Period.Parse(month);
        if (period.Grain != Grain.Month) throw new ArgumentException($"The ranking is monthly: '{month}' is not a month (use YYYY-MM).");
        var months = Enumerable.Range(0, HeatMonths).Select(i => Period.FromSeq(Grain.Month, period.Seq - HeatMonths + 1 + i)).ToList();
        var yearAgo = period.YearEarlier();

        await using var c = await database.OpenReadOnlyAsync(ct);
        var rows = (await c.QueryAsync<RankingRow>("""
            SELECT agency_code, agency_name, agency_level, period_code, index766_total, index766_scored_max, on_time_rate, received_total,
                   rank_index766, rank_on_time
            FROM mart_unit_ranking
            WHERE province_code = @provinceCode AND agency_level IN @Levels AND period_code IN @periods
            """, new { provinceCode, Levels, periods = months.Select(m => m.Code).Append(yearAgo.Code).ToList() })).ToList();
        var current = rows.Where(r => r.period_code == period.Code).ToList();
        if (current.Count == 0)
            throw new ArgumentException($"No ranked units in province {provinceCode} for {period.Code}: run `iw build`, or check the province and the month.");
        var byUnit = rows.ToLookup(r => r.agency_code);

        RankedUnit Unit(RankingRow r)
        {
            var history = byUnit[r.agency_code].ToDictionary(h => h.period_code);
            var before = history.GetValueOrDefault(yearAgo.Code);
            return new RankedUnit(r.agency_code, r.agency_name, r.received_total)
            {
                // RANK() places units without a value too; without a value a unit has no rank to report.
                Index766 = new RankedValue(r.index766_total, r.index766_total is null ? null : (int)r.rank_index766, before?.index766_total),
                OnTime = new RankedValue(r.on_time_rate, r.on_time_rate is null ? null : (int)r.rank_on_time, before?.on_time_rate),
                ScoredMax = r.index766_scored_max,
                Index766Months = months.Select(m => history.GetValueOrDefault(m.Code)?.index766_total).ToList(),
                OnTimeMonths = months.Select(m => history.GetValueOrDefault(m.Code)?.on_time_rate).ToList(),
            };
        }

        return new RankingModel
        {
            ProvinceCode = provinceCode,
            ProvinceName = await ReportUnits.ProvinceNameAsync(c, provinceCode),
            Month = period.Start,
            GeneratedOn = generatedOn,
            Sources = await ReportSourcesQuery.LoadAsync(c, await RuleVersionsAsync(c, period.Code)),
            Groups = Levels.Select(level => new RankingGroup(level, current.Where(r => r.agency_level == level)
                    .OrderBy(r => r.index766_total is null).ThenBy(r => r.rank_index766).ThenBy(r => r.agency_name, StringComparer.Ordinal)
                    .Select(Unit).ToList()))
                .Where(g => g.Units.Count > 0).ToList(),
            Months = months.Select(m => m.Start).ToList(),
        };
    }

    private static async Task<IReadOnlyList<string>> RuleVersionsAsync(System.Data.Common.DbConnection c, string period) =>
        (await c.QueryAsync<string>("SELECT DISTINCT rule_version FROM fact_indicator_value WHERE period_code = @period ORDER BY rule_version",
            new { period })).ToList();

    /// <summary>One row of <c>mart_unit_ranking</c> (settable properties: see ScorecardRows).</summary>
    private sealed record RankingRow
    {
        public string agency_code { get; init; } = "";
        public string agency_name { get; init; } = "";
        public string agency_level { get; init; } = "";
        public string period_code { get; init; } = "";
        public double? index766_total { get; init; }
        public double? index766_scored_max { get; init; }
        public double? on_time_rate { get; init; }
        public double? received_total { get; init; }
        public long rank_index766 { get; init; }
        public long rank_on_time { get; init; }
    }
}
