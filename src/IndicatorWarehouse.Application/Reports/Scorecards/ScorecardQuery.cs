using System.Data.Common;
using Dapper;
using IndicatorWarehouse.Application.Index766;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Domain.Calendar;
using IndicatorWarehouse.Domain.Periods;
using IndicatorWarehouse.Domain.Targets;
using IndicatorWarehouse.Reporting.Templates.Scorecards;
using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Queries;

namespace IndicatorWarehouse.Application.Reports.Scorecards;

/// <summary>Reads one unit's monthly scorecard from the analyst views: the month's measures with their targets
/// (mart_indicator_value), 24-month series across the 2025 mergers (mart_indicator_lineage), late dossiers and their
/// reasons (mart_dossier), PAKN by category (mart_pakn), the unit's rank (mart_unit_ranking) and the 766 levers (UnitLevers).</summary>
public sealed class ScorecardQuery(WarehouseDatabase database, ReferenceFiles reference)
{
    public const int TrendMonths = 24;

    /// <summary>Late dossiers listed by name; the rest are counted.</summary>
    public const int LateDossiersListed = 15;

    public async Task<ScorecardModel> LoadAsync(string agencyCode, string month, DateOnly generatedOn, CancellationToken ct = default)
    {
        var period = Period.Parse(month);
        if (period.Grain != Grain.Month) throw new ArgumentException($"A scorecard is monthly: '{month}' is not a month (use YYYY-MM).");
        await using var c = await database.OpenReadOnlyAsync(ct);
        var unit = await ReportUnits.LoadAsync(c, agencyCode);
        var values = (await c.QueryAsync<ValueRow>("""
            SELECT indicator_code, numerator, denominator, value, target_value, comparator, gap, status, target_source, conflict_note, rule_version
            FROM mart_indicator_value WHERE agency_code = @agencyCode AND period_code = @period
            """, new { agencyCode, period = period.Code })).ToDictionary(r => r.indicator_code);
        // A unit with nothing to count this month still gets its scorecard (all "no data"); a month nobody has measures for was not built.
        if (values.Count == 0 && await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM fact_indicator_value WHERE period_code = @period",
                new { period = period.Code }) == 0)
            throw new ArgumentException($"No measures in {period.Code}: run `iw build`, or check the month.");

        var indicators = new ReportIndicators(reference.Indicators());
        var months = Enumerable.Range(0, TrendMonths).Select(i => Period.FromSeq(Grain.Month, period.Seq - TrendMonths + 1 + i)).ToList();
        var (series, estimateNote) = await LineageSeriesAsync(c, agencyCode, months, [.. ReportIndicators.MainRates, .. ReportIndicators.Pakn, .. ReportIndicators.Digitization]);
        var targets = new TargetResolver(await TargetQueries.AllAsync(c));
        var figures = new FigureReader(indicators, values, series, code => targets.Resolve(agencyCode, code, period), period.Seq);
        var range = new { agencyCode, start = DateKey.Of(period.Start), end = DateKey.Of(period.End) };

        return new ScorecardModel
        {
            Unit = unit,
            Month = period.Start,
            GeneratedOn = generatedOn,
            Sources = await ReportSourcesQuery.LoadAsync(c, values.Values.Select(v => v.rule_version).Distinct().Order().ToList()),
            Rates = ReportIndicators.MainRates.Select(code => new RateTrend(figures.Of(code), months.Select(m => m.Start).ToList(),
                months.Select(m => series.TryGetValue(code, out var s) && s.TryGetValue(m.Seq, out var v) ? v : (double?)null).ToList())).ToList(),
            Index766 = Index766(values, figures),
            Levers = [.. (await new UnitLevers(database, reference).BelowTargetAsync(agencyCode, period.Code, ct)).Select(l => l.ToLine())],
            Timeliness = await TimelinessAsync(c, range, figures),
            Pakn = new PaknSummary(ReportIndicators.Pakn.Select(figures.Of).ToList(), await PaknCategoriesAsync(c, range)),
            Digitization = await DigitizationAsync(c, agencyCode, period, figures),
            Peers = unit.ProvinceName is null ? null : await PeersAsync(c, agencyCode, period.Code),
            PlanBoundary = reference.PlanPhases().Within(months[0].Start, months[^1].Start),
            TrendEstimateNote = estimateNote,
        };
    }

    /// <summary>Monthly values of the unit with its predecessors, by indicator and month sequence, and how the months
    /// that are estimates (a split predecessor's PAKN) were split, if any.</summary>
    private static async Task<(Dictionary<string, Dictionary<int, double>> Series, string? EstimateNote)> LineageSeriesAsync(DbConnection c, string agencyCode,
        IReadOnlyList<Period> months, IReadOnlyList<string> codes)
    {
        var rows = (await c.QueryAsync<SeriesPoint>("""
            SELECT l.indicator_code AS Indicator, p.seq AS Seq, l.value AS Value, l.estimate_note AS EstimateNote
            FROM mart_indicator_lineage l JOIN dim_period p ON p.period_code = l.period_code
            WHERE l.agency_code = @agencyCode AND p.grain = 'M' AND p.seq BETWEEN @first AND @last AND l.indicator_code IN @codes
            """, new { agencyCode, first = months[0].Seq, last = months[^1].Seq, codes = codes.Distinct().ToList() })).ToList();
        return (rows.Where(r => r.Value is not null).GroupBy(r => r.Indicator)
            .ToDictionary(g => g.Key, g => g.ToDictionary(r => (int)r.Seq, r => r.Value!.Value)),
            rows.Select(r => r.EstimateNote).FirstOrDefault(n => n is not null));
    }

    private Index766Scores Index766(Dictionary<string, ValueRow> values, FigureReader figures)
    {
        var rules = reference.Index766Rules();
        IndexScore Score(string code, string name, double max, bool split)
        {
            var indicator = ReportIndicators.Index766Prefix + code;
            var row = values.GetValueOrDefault(indicator);
            return new IndexScore(code, name, row?.numerator, row?.denominator, max, split)
            {
                Target = figures.TargetOf(indicator, row, rules.CoverageOf(indicator, row?.denominator)),
            };
        }
        // Each portal split right under the Decision group it divides.
        var groups = rules.Groups.Where(g => !g.IsPortalSplit)
            .SelectMany(g => rules.Groups.Where(s => s.SplitOf == g.Code).Prepend(g))
            .Select(g => Score(g.Code, g.NameVi, g.Max, g.IsPortalSplit)).ToList();
        var total = rules.Groups.Where(g => !g.IsPortalSplit).Sum(g => g.Max);
        return new Index766Scores(Score("total", figures.Label(ReportIndicators.Index766Total).Name, total, false), groups);
    }

    private static async Task<Timeliness> TimelinessAsync(DbConnection c, object range, FigureReader figures)
    {
        var outcomes = new { DossierOutcomes.Early, DossierOutcomes.OnTime, DossierOutcomes.Late };
        var fields = await c.QueryAsync<FieldRow>("""
            SELECT field_code, field_name,
                   SUM(CASE WHEN outcome_vi = @Early THEN 1 ELSE 0 END) AS early,
                   SUM(CASE WHEN outcome_vi = @OnTime THEN 1 ELSE 0 END) AS on_time,
                   SUM(CASE WHEN outcome_vi = @Late THEN 1 ELSE 0 END) AS late,
                   SUM(CASE WHEN outcome_vi = @Late AND apology_issued = 1 THEN 1 ELSE 0 END) AS late_apology
            FROM mart_dossier WHERE agency_code = @agencyCode AND end_date_key BETWEEN @start AND @end
            GROUP BY field_code, field_name
            """, Merge(range, outcomes));
        var late = (await c.QueryAsync<LateRow>("""
            SELECT dossier_code, procedure_name, field_code, deadline_date_key, finished_at, returned_at, late_reason, apology_issued
            FROM mart_dossier WHERE agency_code = @agencyCode AND end_date_key BETWEEN @start AND @end AND outcome_vi = @Late
            ORDER BY end_date_key, dossier_code
            """, Merge(range, outcomes))).ToList();
        var reasons = late.ToLookup(d => d.field_code);
        return new Timeliness(
            fields.Select(f => new FieldTimeliness(f.field_name ?? f.field_code ?? "Chưa xác định lĩnh vực", (int)f.early, (int)f.on_time, (int)f.late,
                (int)f.late_apology, reasons[f.field_code].GroupBy(d => d.late_reason).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
                    .Select(g => new ReasonCount(g.Key, g.Count())).ToList())).ToList(),
            late.Take(LateDossiersListed).Select(d => new LateDossier(d.dossier_code, d.procedure_name,
                d.deadline_date_key is { } k ? DateKey.ToDate((int)k) : null, d.finished_at ?? d.returned_at,
                d.late_reason, d.apology_issued == 1)).ToList(),
            late.Count, figures.Of("apology_rate"), figures.Of("pending_overdue"));
    }

    private static async Task<IReadOnlyList<PaknCategory>> PaknCategoriesAsync(DbConnection c, object range) =>
        (await c.QueryAsync<PaknCategoryRow>("""
            SELECT category,
                   SUM(CASE WHEN received_date_key >= @start THEN 1 ELSE 0 END) AS received,
                   SUM(CASE WHEN handled_date_key BETWEEN @start AND @end THEN 1 ELSE 0 END) AS handled,
                   SUM(CASE WHEN handled_date_key BETWEEN @start AND @end AND handled_date_key > deadline_date_key THEN 1 ELSE 0 END) AS handled_late,
                   SUM(CASE WHEN handled_date_key IS NULL OR handled_date_key > @end THEN 1 ELSE 0 END) AS pending
            FROM mart_pakn
            WHERE agency_code = @agencyCode AND received_date_key <= @end AND (handled_date_key IS NULL OR handled_date_key >= @start)
            GROUP BY category ORDER BY category
            """, range)).Select(r => new PaknCategory(r.category, (int)r.received, (int)r.handled, (int)r.handled_late, (int)r.pending)).ToList();

    /// <summary>The digitization rates of the month and from January: these rates count dossiers received (or processed)
    /// in the period, so the months' numerators and denominators add up to the year so far.</summary>
    private static async Task<IReadOnlyList<DigitizationRow>> DigitizationAsync(DbConnection c, string agencyCode, Period period, FigureReader figures)
    {
        var ytd = (await c.QueryAsync<SumRow>("""
            SELECT indicator_code, SUM(numerator) AS numerator, SUM(denominator) AS denominator FROM mart_indicator_value
            WHERE agency_code = @agencyCode AND grain = 'M' AND start_key >= @january AND end_key <= @end AND indicator_code IN @codes
            GROUP BY indicator_code
            """, new { agencyCode, january = DateKey.Of(new DateOnly(period.Year, 1, 1)), end = DateKey.Of(period.End), codes = ReportIndicators.Digitization }))
            .ToDictionary(r => r.indicator_code);
        return ReportIndicators.Digitization.Select(code =>
        {
            var sum = ytd.GetValueOrDefault(code);
            return new DigitizationRow(figures.Of(code), sum?.denominator > 0 ? 100 * sum.numerator / sum.denominator : null, sum?.numerator, sum?.denominator);
        }).ToList();
    }

    private static async Task<PeerRanking?> PeersAsync(DbConnection c, string agencyCode, string period)
    {
        var rows = (await c.QueryAsync<PeerRow>("""
            SELECT r.agency_code, r.agency_name, r.index766_total, r.on_time_rate, r.rank_index766, r.rank_on_time, r.peers
            FROM mart_unit_ranking r JOIN mart_agency a ON a.agency_code = @agencyCode
            WHERE r.period_code = @period AND r.province_code = a.province_code AND r.agency_level = a.agency_level
            ORDER BY r.agency_name
            """, new { agencyCode, period })).ToList();
        var self = rows.FirstOrDefault(r => r.agency_code == agencyCode);
        if (self is null) return null;
        // RANK() gives units without a value a place too; a unit without a value has no rank to report.
        return new PeerRanking(self.index766_total is null ? null : (int)self.rank_index766, self.on_time_rate is null ? null : (int)self.rank_on_time,
            (int)self.peers, rows.Select(r => new Peer(r.agency_code, r.agency_name, r.index766_total, r.on_time_rate, r.agency_code == agencyCode)).ToList());
    }

    private static DynamicParameters Merge(object a, object b)
    {
        var parameters = new DynamicParameters(a);
        parameters.AddDynamicParams(b);
        return parameters;
    }
}
