using IndicatorWarehouse.Application.Archive;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Reporting.Templates.Shared;
using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Rules;

namespace IndicatorWarehouse.Application.Reports;

/// <summary>A report as issued: the files written (the first is the one archived), its content, and whether it is a
/// first issue, a revision, or a re-print of an issue already archived with the same figures.</summary>
public sealed record IssuedReport(IReadOnlyList<string> Paths, byte[] Content, IssueStatus Status)
{
    public string Path => Paths[0];
}

/// <summary>Who issued a report, as the archive says it: issuing is deliberate (the scheduled job, a command, an
/// administrator's POST), never a side effect of reading.</summary>
public static class IssuedBy
{
    public static string CommandLine => $"{Environment.UserName} (dòng lệnh / command line)";

    public static string Scheduler(string job) => $"lịch / scheduler: {job}";

    public static string WebAdmin(string user) => $"{user} (iw serve)";
}

/// <summary>Issues a report: compares the figures it shows with its latest issue, marks it "Bản điều chỉnh" when a
/// figure changed (what changed, the loads since, and the rule files changed since), writes it, and archives file,
/// figures, snapshots and rule set.</summary>
public sealed class ReportIssuer(WarehouseDatabase database, ReferenceFiles reference)
{
    /// <param name="period">the period as archived: a period code, or a review's span (<see cref="IssuedPeriods.Span"/>)</param>
    /// <param name="revised">the model with the revision note set</param>
    /// <param name="write">writes the model and returns the files' paths, the one to archive first</param>
    /// <param name="issuedBy">who issues it, as the archive records it; default the command line's user (<see cref="IssuedBy"/>)</param>
    public async Task<IssuedReport> IssueAsync<TModel>(string kind, string scope, string period, TModel model, IssuedFigures figures,
        Func<TModel, RevisionNote, TModel> revised, Func<TModel, Task<IReadOnlyList<string>>> write, CancellationToken ct = default,
        string? issuedBy = null)
    {
        var archive = new ReportArchive(database);
        long? ruleSetId;
        await using (var c = await database.OpenReadOnlyAsync(ct))
            ruleSetId = await RuleSetUsage.OfIssueAsync(c, IssuedPeriods.Built(kind, period), ct);
        var status = await archive.StatusAsync(kind, scope, period, figures.Values, ruleSetId, ct);
        status = status with { Changes = status.Changes.Select(c => c with { Text = figures.Describe(c) }).ToList() };
        if (status.IsRevision)
            model = revised(model, new RevisionNote(status.RevisionNo, status.PreviousIssuedAt, status.Changes.Select(c => c.Text!).ToList(),
                status.LoadsSince, status.RuleChanges.Select(r => r.Describe()).ToList()));
        var paths = await write(model);
        var content = await File.ReadAllBytesAsync(paths[0], ct);
        await archive.ArchiveAsync(kind, scope, period, status, figures.Values, reference.Indicators().RuleVersion, Path.GetFileName(paths[0]),
            content, database.Clock.Now, issuedBy ?? IssuedBy.CommandLine, ct);
        return new IssuedReport(paths, content, status);
    }
}
