using IndicatorWarehouse.Application.Archive;
using IndicatorWarehouse.Application.Measures;
using IndicatorWarehouse.Application.Reports.Scorecards;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Reporting.Formatting;
using IndicatorWarehouse.Warehouse;

namespace IndicatorWarehouse.Application.Reports;

/// <summary>Issues a unit's monthly scorecard through <see cref="ReportIssuer"/>: the figures judged are the unit's
/// measures of the month, as `iw measures` prints them.</summary>
public sealed class ScorecardIssuer(WarehouseDatabase database, ReferenceFiles reference)
{
    public const string Kind = "scorecard";

    public async Task<IssuedReport> IssueAsync(ReportWriter writer, string agencyCode, string month, string directory, CancellationToken ct = default)
    {
        var model = await new ScorecardQuery(database, reference).LoadAsync(agencyCode, month, DateOnly.FromDateTime(DateTime.Now), ct);
        var measures = await new MeasuresQuery(database).ForAsync(agencyCode, month, ct: ct);
        var names = measures.ToDictionary(m => m.indicator, m => (m.name_vi, m.unit));
        return await new ReportIssuer(database, reference).IssueAsync(Kind, agencyCode, month, model,
            measures.ToDictionary(m => m.indicator, m => m.value), c => Describe(c, names.GetValueOrDefault(c.Figure)),
            (m, note) => m with { Revision = note },
            m => ReportFiles.WriteScorecardAsync(writer, m, directory, ReportFormat.Pdf, ct), ct);
    }

    private static string Describe(FigureChange change, (string Name, string Unit) indicator)
    {
        var style = indicator.Unit switch { "percent" => NumberStyle.Percent, "points" => NumberStyle.Points, _ => NumberStyle.Count };
        return $"{indicator.Name ?? change.Figure}: {style.Format(change.Before)} → {style.Format(change.After)}";
    }
}
