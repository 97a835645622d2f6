using IndicatorWarehouse.Application.Reports.Rankings;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Reporting.Formatting;
using IndicatorWarehouse.Warehouse;

namespace IndicatorWarehouse.Application.Reports;

/// <summary>Issues a province's monthly ranking through <see cref="ReportIssuer"/>: the figures judged are every
/// unit's 766 total and on-time rate as the table shows them.</summary>
public sealed class RankingIssuer(WarehouseDatabase database, ReferenceFiles reference)
{
    public const string Kind = "ranking";

    /// <param name="generatedOn">the day printed on it; today unless given (the demo prints a fixed day)</param>
    public async Task<IssuedReport> IssueAsync(ReportWriter writer, string province, string month, string directory, DateOnly? generatedOn = null,
        CancellationToken ct = default)
    {
        var model = await new RankingQuery(database).LoadAsync(province, month, generatedOn ?? database.Clock.Today, ct);
        var figures = new IssuedFigures();
        foreach (var u in model.Groups.SelectMany(g => g.Units))
        {
            figures.Add($"{u.Code}|index766_total", u.Index766.Value, $"{u.Name}, tổng điểm 766", NumberStyle.Points);
            figures.Add($"{u.Code}|on_time_rate_766", u.OnTime.Value, $"{u.Name}, tỷ lệ đúng hạn", NumberStyle.Percent);
        }
        return await new ReportIssuer(database, reference).IssueAsync(Kind, province, month, model, figures,
            (m, note) => m with { Revision = note },
            async m => [await ReportFiles.WriteRankingAsync(writer, m, directory, ReportFormat.Pdf, ct)], ct);
    }
}
