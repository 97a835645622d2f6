using System.Data.Common;
using System.Globalization;
using Dapper;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Domain.Periods;
using IndicatorWarehouse.Domain.Targets;
using IndicatorWarehouse.Reporting.Formatting;
using IndicatorWarehouse.Reporting.Templates.Reviews;
using IndicatorWarehouse.Reporting.Templates.Shared;
using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Queries;

namespace IndicatorWarehouse.Application.Reports.Reviews;

/// <summary>Reads the multi-year review of a province. Rates and counts come from <c>mart_indicator_lineage</c>, so a
/// unit's early years include the predecessors it absorbed in 2025; the province line adds up every current unit.
/// 766 points (which do not add up) are the unit's own. Targets are resolved and assessed by the domain's rules.</summary>
public sealed class ReviewQuery(WarehouseDatabase database, ReferenceFiles reference)
{
    public const int MoversListed = 5;

    /// <summary>What the province's line is called: all of its units together.</summary>
    private const string ProvinceLine = "Toàn tỉnh";
    private const int MaxYears = 20;

    /// <summary>The units whose work makes up the province's figures.</summary>
    private static readonly string[] UnitLevels = ["department", "centre", "commune"];

    public async Task<ReviewModel> LoadAsync(string provinceCode, int fromYear, int toYear, DateOnly generatedOn, CancellationToken ct = default)
    {
        if (toYear < fromYear || toYear - fromYear >= MaxYears)
            throw new ArgumentException($"--from {fromYear} --to {toYear}: give at most {MaxYears} years, the first not after the last.");
        var years = Enumerable.Range(fromYear, toYear - fromYear + 1).ToList();
        var periods = years.Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList();

        await using var c = await database.OpenReadOnlyAsync(ct);
        var units = (await c.QueryAsync<UnitRow>("""
            SELECT agency_code, agency_name, agency_level FROM mart_agency
            WHERE province_code = @provinceCode AND is_current = 1 AND agency_level IN @UnitLevels ORDER BY agency_name
            """, new { provinceCode, UnitLevels })).ToList();
        if (units.Count == 0) throw new ArgumentException($"Province '{provinceCode}' has no current units in the warehouse.");
        var departments = units.Where(u => u.agency_level == "department").ToList();

        var targets = await TargetQueries.AllAsync(c);
        var resolver = new TargetResolver(targets);
        var indicators = new ReportIndicators(reference.Indicators());
        var targeted = targets.Where(t => t.AgencyCode == provinceCode || t.AgencyCode == Target.EveryUnit || departments.Any(d => d.agency_code == t.AgencyCode))
            .Select(t => t.Indicator).Distinct().ToList();
        var codes = ReportIndicators.MainRates.Union(targeted).ToList();

        var sources = await ReportSourcesQuery.LoadAsync(c, (await c.QueryAsync<string>(
            "SELECT DISTINCT rule_version FROM fact_indicator_value WHERE period_code IN @periods ORDER BY rule_version", new { periods })).ToList());
        var asOf = sources.DataAsOf is { } moment ? DateOnly.FromDateTime(moment) : (DateOnly?)null;
        var (values, scoredMax, estimated, estimateNotes) = await YearValuesAsync(c, provinceCode, departments.Select(d => d.agency_code).ToList(), periods, codes, indicators);
        var rules = reference.Index766Rules();

        UnitYears Series(string agency, string name, string indicator) => new(agency, name, years.Select(year =>
        {
            var value = values.GetValueOrDefault((agency, indicator, year));
            var isEstimate = estimated.Contains((agency, indicator, year));
            var period = new Period(Grain.Year, year, 1);
            if (resolver.Resolve(agency, indicator, period) is not { } applicable) return new YearFigure(year, value, Estimated: isEstimate);
            var assessment = TargetAssessment.Assess(value, applicable.Target, !Provisional.IsOpen(period.End, asOf), null,
                rules.CoverageOf(indicator, scoredMax.GetValueOrDefault((agency, indicator, year))));
            return new YearFigure(year, value, new FigureTarget(applicable.Target.Comparator, applicable.Target.Value, assessment.Gap,
                ReportStatuses.From(assessment.State), applicable.Target.Provenance, applicable.HasConflict)
            {
                Attainment = assessment.Attainment,
                StatusLabel = assessment.State == TargetState.Partial ? assessment.LabelVi() : null,
                Span = applicable.Target.Period.Spec,
            }, isEstimate);
        }).ToList());

        var provinceName = await ReportUnits.ProvinceNameAsync(c, provinceCode);
        var reviews = ReportIndicators.MainRates.Select(code => new IndicatorReview(indicators.Label(code),
            Series(provinceCode, ProvinceLine, code), departments.Select(d => Series(d.agency_code, d.agency_name, code)).ToList())).ToList();
        var movers = Movers(reviews, years);
        var lastYear = new DateOnly(toYear, 12, 31);
        return new ReviewModel
        {
            ProvinceCode = provinceCode,
            ProvinceName = provinceName,
            Years = years,
            LastYearUntil = asOf is { } day && day < lastYear && day.Year == toYear ? day : null,
            GeneratedOn = generatedOn,
            Sources = sources,
            Indicators = reviews,
            Improvements = movers.Where(m => m.Good > 0).OrderByDescending(m => m.Good).Take(MoversListed).Select(m => m.Mover).ToList(),
            Declines = movers.Where(m => m.Good < 0).OrderBy(m => m.Good).Take(MoversListed).Select(m => m.Mover).ToList(),
            Attainment = departments.Select(d => (Code: d.agency_code, Name: d.agency_name)).Prepend((Code: provinceCode, Name: ProvinceLine))
                .SelectMany(u => targeted.OrderBy(code => indicators[code].SortOrder)
                    .Select(code => new UnitIndicatorYears(indicators.Label(code), Series(u.Code, u.Name, code))))
                .Where(row => row.Unit.Years.Any(y => y.Target is not null)).ToList(),
            PlanBoundary = reference.PlanPhases().Within(new DateOnly(fromYear, 1, 1), lastYear),
            EstimateNotes = estimateNotes.Select(n => $"{departments.Single(d => d.agency_code == n.Agency).agency_name}: {n.Note}")
                .Order(StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>Yearly values by (unit, indicator, year): rates and counts with predecessors, the province as the sum of
    /// its current units' numerators and denominators, and 766 points as each Sở's own, with the maximum each was
    /// scored on (ScoredMax); which of them are estimates (a part split by lineage shares; the province's when one of
    /// its parts is) and how they were split.</summary>
    private static async Task<(Dictionary<(string, string, int), double?> Values, Dictionary<(string, string, int), double?> ScoredMax,
        HashSet<(string, string, int)> Estimated, IReadOnlyList<(string Agency, string Note)> Notes)> YearValuesAsync(DbConnection c, string provinceCode,
        IReadOnlyList<string> departments, IReadOnlyList<string> periods, IReadOnlyList<string> codes, ReportIndicators indicators)
    {
        var lineage = (await c.QueryAsync<YearRow>("""
            SELECT l.agency_code, l.period_code, l.indicator_code, l.numerator, l.denominator, l.value, l.is_estimate, l.estimate_note
            FROM mart_indicator_lineage l JOIN mart_agency a ON a.agency_code = l.agency_code
            WHERE a.province_code = @provinceCode AND a.is_current = 1 AND a.agency_level IN @UnitLevels
              AND l.period_code IN @periods AND l.indicator_code IN @codes
            """, new { provinceCode, UnitLevels, periods, codes })).ToList();
        var points = await c.QueryAsync<YearRow>("""
            SELECT agency_code, period_code, indicator_code, numerator, denominator, value FROM mart_indicator_value
            WHERE agency_code IN @departments AND period_code IN @periods AND indicator_code IN @codes AND unit = 'points'
            """, new { departments, periods, codes });

        (string, string, int) Key(YearRow r) => (r.agency_code, r.indicator_code, int.Parse(r.period_code, CultureInfo.InvariantCulture));
        var values = lineage.Where(r => departments.Contains(r.agency_code)).Concat(points).ToDictionary(Key, r => r.value);
        var scoredMax = points.ToDictionary(Key, r => r.denominator);
        var estimates = lineage.Where(r => r.is_estimate == 1).ToList();
        var estimated = estimates.Select(Key).Concat(estimates.Select(r => (provinceCode, r.indicator_code, Key(r).Item3))).ToHashSet();
        foreach (var g in lineage.GroupBy(r => (r.indicator_code, r.period_code)))
        {
            var numerator = g.Sum(r => r.numerator ?? 0);
            var denominator = g.Sum(r => r.denominator ?? 0);
            values[(provinceCode, g.Key.indicator_code, int.Parse(g.Key.period_code, CultureInfo.InvariantCulture))] = indicators[g.Key.indicator_code].IsRate
                ? denominator > 0 ? 100 * numerator / denominator : null
                : numerator;
        }
        var notes = estimates.Where(r => departments.Contains(r.agency_code) && r.estimate_note is not null)
            .Select(r => (r.agency_code, r.estimate_note!)).Distinct().ToList();
        return (values, scoredMax, estimated, notes);
    }

    /// <summary>Each Sở's change from the year before last to the last year; Good is the change signed so that better is positive.</summary>
    private static List<(Mover Mover, double Good)> Movers(IReadOnlyList<IndicatorReview> reviews, IReadOnlyList<int> years)
    {
        if (years.Count < 2) return [];
        return reviews.Where(r => r.Indicator.HigherIsBetter is not null)
            .SelectMany(r => r.Units.Where(u => u.Years[^2].Value is not null && u.Years[^1].Value is not null)
                .Select(u => new Mover(r.Indicator, u.Name, years[^2], years[^1], u.Years[^2].Value!.Value, u.Years[^1].Value!.Value))
                .Select(m => (m, r.Indicator.HigherIsBetter == true ? m.Change : -m.Change)))
            .ToList();
    }

    private sealed record UnitRow(string agency_code, string agency_name, string agency_level);

    /// <summary>A yearly value row of a view (settable properties: see ScorecardRows).</summary>
    private sealed record YearRow
    {
        public string agency_code { get; init; } = "";
        public string period_code { get; init; } = "";
        public string indicator_code { get; init; } = "";
        public double? numerator { get; init; }
        public double? denominator { get; init; }
        public double? value { get; init; }
        public long? is_estimate { get; init; }
        public string? estimate_note { get; init; }
    }
}
