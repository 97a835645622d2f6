using IndicatorWarehouse.Application.Archive;
using IndicatorWarehouse.Application.Measures;
using IndicatorWarehouse.Application.Reports.Scorecards;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Reporting.Formatting;
using IndicatorWarehouse.Reporting.Templates.Shared;
using IndicatorWarehouse.Warehouse;

namespace IndicatorWarehouse.Application.Reports;

/// <summary>A scorecard PDF as issued: its file, and whether it is a first issue, a revision, or a re-print of an
/// issue already archived with the same figures.</summary>
public sealed record IssuedScorecard(string Path, byte[] Pdf, IssueStatus Status);

/// <summary>Issues a unit's monthly scorecard: renders it, marks it "Bản điều chỉnh" when later data changed a figure
/// of an already issued month (listing what changed and why), and archives it with its figures and snapshots.</summary>
public sealed class ScorecardIssuer(WarehouseDatabase database, ReferenceFiles reference)
{
    public const string Kind = "scorecard";

    public async Task<IssuedScorecard> IssueAsync(ReportWriter writer, string agencyCode, string month, string directory, CancellationToken ct = default)
    {
        var model = await new ScorecardQuery(database, reference).LoadAsync(agencyCode, month, DateOnly.FromDateTime(DateTime.Now), ct);
        var measures = await new MeasuresQuery(database).ForAsync(agencyCode, month, ct: ct);
        var figures = measures.ToDictionary(m => m.indicator, m => m.value);
        var archive = new ReportArchive(database);
        var status = await archive.StatusAsync(Kind, agencyCode, month, figures, ct);
        if (status.IsRevision)
        {
            var names = measures.ToDictionary(m => m.indicator, m => (m.name_vi, m.unit));
            model = model with
            {
                Revision = new RevisionNote(status.RevisionNo, status.PreviousIssuedAt,
                    status.Changes.Select(c => Describe(c, names.GetValueOrDefault(c.Figure))).ToList(), status.LoadsSince),
            };
        }
        var path = await ReportFiles.WriteScorecardAsync(writer, model, directory, ReportFormat.Pdf, ct);
        var pdf = await File.ReadAllBytesAsync(path, ct);
        await archive.ArchiveAsync(Kind, agencyCode, month, status, figures, reference.Indicators().RuleVersion, System.IO.Path.GetFileName(path),
            pdf, DateTime.Now, ct);
        return new IssuedScorecard(path, pdf, status);
    }

    private static string Describe(FigureChange change, (string Name, string Unit) indicator)
    {
        var style = indicator.Unit switch { "percent" => NumberStyle.Percent, "points" => NumberStyle.Points, _ => NumberStyle.Count };
        return $"{indicator.Name ?? change.Figure}: {style.Format(change.Before)} → {style.Format(change.After)}";
    }
}
