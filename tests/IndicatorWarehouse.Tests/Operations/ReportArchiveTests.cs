using Dapper;
using IndicatorWarehouse.Application.Archive;
using IndicatorWarehouse.Tests.Support;
using static IndicatorWarehouse.Tests.Support.Rows;

namespace IndicatorWarehouse.Tests.Operations;

public sealed class ReportArchiveTests
{
    [Fact]
    public async Task Issue_LateCorrectionChangesAFigure_NextIssueIsAMarkedRevisionAndTheOriginalIsUnchanged()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var probe = new MeasureProbe(w);
        await probe.DossiersAsync(Dossier("A-1", "2026-10-01T08:00:00", due: "2026-10-05T17:00:00", finished: "2026-10-04T08:00:00"));
        await probe.BuildAsync();
        var archive = new ReportArchive(w.Database);
        var before = new Dictionary<string, double?> { ["processed_late"] = await probe.CountAsync("processed_late", "2026-10") };
        var first = await archive.StatusAsync("scorecard", "TNI.SYT", "2026-10", before);
        var originalId = await archive.ArchiveAsync("scorecard", "TNI.SYT", "2026-10", first, before, "2026.1", "a.pdf", [1, 2, 3], DateTime.Now, "lan");

        // A later snapshot corrects the dossier: it was in fact finished after its deadline.
        await probe.DossiersAsync(Dossier("A-1", "2026-10-01T08:00:00", due: "2026-10-05T17:00:00", finished: "2026-10-09T08:00:00"));
        await probe.BuildAsync(new());
        var after = new Dictionary<string, double?> { ["processed_late"] = await probe.CountAsync("processed_late", "2026-10") };
        var revision = await archive.StatusAsync("scorecard", "TNI.SYT", "2026-10", after);
        var revisionId = await archive.ArchiveAsync("scorecard", "TNI.SYT", "2026-10", revision, after, "2026.1", "b.pdf", [4, 5], DateTime.Now, "lan");

        Assert.False(first.IsRevision);
        Assert.True(revision.IsRevision);
        Assert.Equal(1, revision.RevisionNo);
        Assert.Equal(new FigureChange("processed_late", 0, 1), Assert.Single(revision.Changes));
        Assert.Contains(revision.LoadsSince, l => l.StartsWith("onestop: onestop-d2.csv"));
        Assert.Equal([1, 2, 3], await archive.ContentAsync(originalId));
        Assert.Equal([4, 5], await archive.ContentAsync(revisionId));
        await using var c = await w.OpenAsync();
        Assert.Equal(originalId, await c.ExecuteScalarAsync<long>("SELECT revises_id FROM etl_issued_report WHERE report_id = @revisionId", new { revisionId }));
    }

    [Fact]
    public async Task Status_SameFiguresAgain_IsNoRevision()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var archive = new ReportArchive(w.Database);
        var figures = new Dictionary<string, double?> { ["on_time_rate_766"] = 97.5, ["pakn_on_time_rate"] = null };
        await archive.ArchiveAsync("ranking", "TNI", "2026-10", await archive.StatusAsync("ranking", "TNI", "2026-10", figures),
            figures, "2026.1", "r.pdf", [9], DateTime.Now, "lan");

        var again = await archive.StatusAsync("ranking", "TNI", "2026-10", new Dictionary<string, double?>(figures));

        Assert.False(again.IsRevision);
        Assert.True(again.AlreadyIssued);
        Assert.Empty(again.Changes);
    }
}
