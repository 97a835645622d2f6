using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Tests.Support;
using static IndicatorWarehouse.Tests.Support.Rows;

namespace IndicatorWarehouse.Tests.Cli;

public sealed class RulesCommandTests
{
    [Fact]
    public async Task Rules_AfterABuild_ListsTheSetInForceAndShowsAFileExactlyAsRecorded()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var probe = new MeasureProbe(w);
        await probe.DossiersAsync(Dossier("A-1", "2026-10-01T08:00:00", due: "2026-10-05T17:00:00", finished: "2026-10-04T08:00:00"));
        await probe.BuildAsync();

        var list = await IwProcess.RunAsync("rules", "list", "--format", "csv", "--db", w.DbPath);
        var show = await IwProcess.RunAsync("rules", "show", "1", "--db", w.DbPath);
        var file = await IwProcess.RunAsync("rules", "show", "1", "--file", "deadlines.yaml", "--db", w.DbPath);
        var missing = await IwProcess.RunAsync("rules", "show", "7", "--db", w.DbPath);

        Assert.Equal(0, list.ExitCode);
        var rows = list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("rule_set_id,label,first_used_at,first_used_by,in_force,periods", rows[0]);
        Assert.Matches(@"^1,deadlines 2026\.1 · holidays [0-9a-f]{8} · index766 766-2022\.2 · indicators 2026\.2,.*,load,1,M 2026-10 \(1\) · Q 2026-Q4 \(1\) · .*,1,0$", rows[1]);
        // The shipped versions pinned: changing a rule file's version is a deliberate act this test makes visible.
        Assert.Contains("index766.yaml    phiên bản 766-2022.2", show.Stdout);
        Assert.Equal(await System.IO.File.ReadAllTextAsync(ReferenceFiles.Default().PathOf("deadlines.yaml")), file.Stdout);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("rule set 7 does not exist", missing.Stderr);
    }
}
