using IndicatorWarehouse.Application.Archive;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Reporting.Templates.Shared;
using IndicatorWarehouse.Warehouse;

namespace IndicatorWarehouse.Application.Reports;

/// <summary>A report as issued: its file, and whether it is a first issue, a revision, or a re-print of an issue
/// already archived with the same figures.</summary>
public sealed record IssuedReport(string Path, byte[] Content, IssueStatus Status);

/// <summary>Issues a report: compares the figures it shows with its latest issue, marks it "Bản điều chỉnh" when a
/// figure changed (what changed, and the loads since), writes it, and archives file, figures and snapshots.</summary>
public sealed class ReportIssuer(WarehouseDatabase database, ReferenceFiles reference)
{
    /// <param name="figures">figure key → value shown, what a revision is judged on</param>
    /// <param name="describe">how a changed figure reads in the banner</param>
    /// <param name="revised">the model with the revision note set</param>
    /// <param name="write">writes the model and returns the file's path</param>
    public async Task<IssuedReport> IssueAsync<TModel>(string kind, string scope, string period, TModel model,
        IReadOnlyDictionary<string, double?> figures, Func<FigureChange, string> describe, Func<TModel, RevisionNote, TModel> revised,
        Func<TModel, Task<string>> write, CancellationToken ct = default)
    {
        var archive = new ReportArchive(database);
        var status = await archive.StatusAsync(kind, scope, period, figures, ct);
        if (status.IsRevision)
            model = revised(model, new RevisionNote(status.RevisionNo, status.PreviousIssuedAt, status.Changes.Select(describe).ToList(), status.LoadsSince));
        var path = await write(model);
        var content = await File.ReadAllBytesAsync(path, ct);
        await archive.ArchiveAsync(kind, scope, period, status, figures, reference.Indicators().RuleVersion, Path.GetFileName(path), content,
            DateTime.Now, ct);
        return new IssuedReport(path, content, status);
    }
}
