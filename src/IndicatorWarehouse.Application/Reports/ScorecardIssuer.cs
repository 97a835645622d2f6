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

    /// <param name="generatedOn">the day printed on it; today unless given (the demo prints a fixed day)</param>
    /// <param name="issuedBy">who issues it (<see cref="IssuedBy"/>); default the command line's user</param>
    public async Task<IssuedReport> IssueAsync(ReportWriter writer, string agencyCode, string month, string directory, DateOnly? generatedOn = null,
        CancellationToken ct = default, string? issuedBy = null)
    {
        var model = await new ScorecardQuery(database, reference).LoadAsync(agencyCode, month, generatedOn ?? database.Clock.Today, ct);
        var figures = new IssuedFigures();
        foreach (var m in await new MeasuresQuery(database).ForAsync(agencyCode, month, ct: ct))
            figures.Add(m.indicator, m.value, m.name_vi, NumberStyle.ForUnit(m.unit));
        return await new ReportIssuer(database, reference).IssueAsync(Kind, agencyCode, month, model, figures,
            (m, note) => m with { Revision = note },
            async m => [await ReportFiles.WriteScorecardAsync(writer, m, directory, ReportFormat.Pdf, ct)], ct, issuedBy);
    }

    /// <summary>The scorecard with the latest figures, marked "bản xem, chưa phát hành", as PDF bytes: what reading it on
    /// the web shows. Nothing is archived and no file is left behind.</summary>
    public async Task<byte[]> PreviewAsync(ReportWriter writer, string agencyCode, string month, CancellationToken ct = default)
    {
        var model = await new ScorecardQuery(database, reference).LoadAsync(agencyCode, month, database.Clock.Today, ct);
        var folder = Path.Combine(Path.GetTempPath(), "iw-preview-" + Guid.NewGuid().ToString("N"));
        try
        {
            return await File.ReadAllBytesAsync(await ReportFiles.WriteScorecardAsync(writer, model with { Preview = true }, folder, ReportFormat.Pdf, ct), ct);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
