using IndicatorWarehouse.Application.Reports.Rankings;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Reporting.Formatting;
using IndicatorWarehouse.Reporting.Templates.Rankings;
using IndicatorWarehouse.Warehouse;

namespace IndicatorWarehouse.Application.Reports;

/// <summary>Issues a province's monthly ranking through <see cref="ReportIssuer"/>: the figures judged are every
/// unit's 766 total and on-time rate as the table shows them.</summary>
public sealed class RankingIssuer(WarehouseDatabase database, ReferenceFiles reference)
{
    public const string Kind = "ranking";

    public async Task<IssuedReport> IssueAsync(ReportWriter writer, string province, string month, string directory, CancellationToken ct = default)
    {
        var model = await new RankingQuery(database).LoadAsync(province, month, DateOnly.FromDateTime(DateTime.Now), ct);
        var units = model.Groups.SelectMany(g => g.Units).ToList();
        var figures = units.SelectMany(u => new[]
        {
            KeyValuePair.Create($"{u.Code}|index766_total", u.Index766.Value), KeyValuePair.Create($"{u.Code}|on_time_rate_766", u.OnTime.Value),
        }).ToDictionary();
        var names = units.ToDictionary(u => u.Code, u => u.Name);
        return await new ReportIssuer(database, reference).IssueAsync(Kind, province, month, model, figures,
            c =>
            {
                var (code, figure) = (c.Figure.Split('|')[0], c.Figure.Split('|')[1]);
                var style = figure == "index766_total" ? NumberStyle.Points : NumberStyle.Percent;
                var label = figure == "index766_total" ? "tổng điểm 766" : "tỷ lệ đúng hạn";
                return $"{names.GetValueOrDefault(code, code)}, {label}: {style.Format(c.Before)} → {style.Format(c.After)}";
            },
            (m, note) => m with { Revision = note },
            m => ReportFiles.WriteRankingAsync(writer, m, directory, ReportFormat.Pdf, ct), ct);
    }
}
