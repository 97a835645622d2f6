using IndicatorWarehouse.Application.Reports.Reviews;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Warehouse;

namespace IndicatorWarehouse.Application.Reports;

/// <summary>Issues the leadership's multi-year review through <see cref="ReportIssuer"/>: the figures judged are the
/// yearly values it prints, per unit (the province line included), indicator and year.</summary>
public sealed class ReviewIssuer(WarehouseDatabase database, ReferenceFiles reference)
{
    public const string Kind = "review";

    /// <param name="generatedOn">the day printed on it; today unless given (the demo prints a fixed day)</param>
    public async Task<IssuedReport> IssueAsync(ReportWriter writer, string province, int fromYear, int toYear, string directory,
        DateOnly? generatedOn = null, CancellationToken ct = default)
    {
        var model = await new ReviewQuery(database, reference).LoadAsync(province, fromYear, toYear, generatedOn ?? database.Clock.Today, ct);
        var series = model.Indicators.SelectMany(i => i.Units.Prepend(i.Province).Select(unit => (i.Indicator, Unit: unit)))
            .Concat(model.Attainment.Select(a => (a.Indicator, a.Unit)));
        var figures = new IssuedFigures();
        foreach (var (indicator, unit) in series)
            foreach (var year in unit.Years)
                figures.Add($"{unit.Code}|{indicator.Code}|{year.Year}", year.Value, $"{unit.Name}, {indicator.Name} năm {year.Year}", indicator.Style);
        return await new ReportIssuer(database, reference).IssueAsync(Kind, province, IssuedPeriods.Span(fromYear, toYear), model, figures,
            (m, note) => m with { Revision = note },
            async m => [await ReportFiles.WriteReviewAsync(writer, m, directory, ReportFormat.Pdf, ct)], ct);
    }
}
