using Dapper;
using IndicatorWarehouse.Application.Build;
using IndicatorWarehouse.Application.Rules;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Tests.Support;
using static IndicatorWarehouse.Tests.Support.Rows;

namespace IndicatorWarehouse.Tests.Operations;

public sealed class RuleSetTests
{
    /// <summary>The shipped index766.yaml's version, read from the file: the build must record what the file says.</summary>
    private static readonly string Shipped766 = ReferenceFiles.Default().Index766Rules().RuleVersion;

    [Fact]
    public async Task Build_Index766Edited_RescoresUnderTheNewVersionRecordsItAndKeepsTheOldSetReadable()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var probe = new MeasureProbe(w);
        await probe.DossiersAsync(Dossier("A-1", "2026-10-01T08:00:00", due: "2026-10-05T17:00:00", finished: "2026-10-04T08:00:00"));
        await probe.BuildAsync();
        var before = await VersionsAsync(w);
        var edited = ReferenceCopy.In(w.Directory).Edit("index766.yaml", $"rule_version: \"{Shipped766}\"", "rule_version: \"766-2026.1\"");

        var report = await new BuildService(w.Database, edited).BuildAsync(new BuildRequest(All: true));

        var after = await VersionsAsync(w);
        Assert.Equal((Shipped766, 1L), before["index766_total"]);
        Assert.Equal(("2026.2", 1L), before["on_time_rate_766"]);
        Assert.Equal(("766-2026.1", 2L), after["index766_total"]);
        Assert.Equal(("2026.2", 2L), after["on_time_rate_766"]);
        var rescore = Assert.IsType<RulesRescore>(report.Rescore);
        Assert.Equal($"index766.yaml {Shipped766} → 766-2026.1", Assert.Single(rescore.Changes).Describe());
        Assert.Contains(rescore.Lines(), l => l.Contains($"index766.yaml {Shipped766} → 766-2026.1"));
        await using var c = await w.OpenAsync();
        var recorded = (await c.QueryAsync<(long Run, long From, long To)>(
            "SELECT run_id, from_rule_set_id, to_rule_set_id FROM etl_rule_rescore WHERE period_code = '2026-10'")).ToList();
        Assert.Equal((rescore.RunId, 1L, 2L), Assert.Single(recorded));
        Assert.Equal("succeeded", await c.ExecuteScalarAsync<string>("SELECT state FROM etl_run WHERE run_id = @RunId", rescore));

        var service = new RuleSetService(w.Database, edited);
        var sets = await service.ListAsync();
        Assert.Equal([(1L, false), (2L, true)], sets.Select(s => (s.Set.RuleSetId, s.InForce)));
        Assert.Empty(sets[0].Periods);
        Assert.Contains(sets[1].Periods, p => p.PeriodCode == "2026-10");
        Assert.Equal(await System.IO.File.ReadAllTextAsync(ReferenceFiles.Default().PathOf("index766.yaml")), (await service.FileAsync(1, "index766.yaml")).Text);
        Assert.Equal($"index766.yaml {Shipped766} → 766-2026.1", Assert.Single((await service.ShowAsync(2)).SincePrevious).Describe());
    }

    [Fact]
    public async Task BuildAndLoad_SameRulesAgain_RecordOneSetAndNoRescore()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var probe = new MeasureProbe(w);
        await probe.DossiersAsync(Dossier("A-1", "2026-10-01T08:00:00", due: "2026-10-05T17:00:00", finished: "2026-10-04T08:00:00"));
        await probe.BuildAsync();
        await probe.DossiersAsync(Dossier("A-2", "2026-10-02T08:00:00", due: "2026-10-05T17:00:00", finished: "2026-10-04T08:00:00"));

        var again = await probe.BuildAsync();

        Assert.Null(again.Rescore);
        await using var c = await w.OpenAsync();
        Assert.Equal(1L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM etl_rule_set"));
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM etl_rule_rescore"));
        Assert.Equal([1L, 1L], await c.QueryAsync<long>("SELECT rule_set_id FROM etl_snapshot ORDER BY snapshot_id"));
    }

    [Fact]
    public async Task Build_FilesEditedWithoutNewVersion_TellsSoAndThatTheyApplyAtLoad()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var probe = new MeasureProbe(w);
        await probe.DossiersAsync(Dossier("A-1", "2026-10-01T08:00:00", due: "2026-10-05T17:00:00", finished: "2026-10-04T08:00:00"));
        await probe.BuildAsync();
        var holidaysBefore = ReferenceFiles.Default().RuleFiles().Single(f => f.Name == "holidays.csv");
        var edited = ReferenceCopy.In(w.Directory).Edit("deadlines.yaml", "handling_working_days: 15", "handling_working_days: 10");
        await System.IO.File.AppendAllTextAsync(edited.PathOf("holidays.csv"), "2026-12-31,Nghỉ bù\n");

        var report = await new BuildService(w.Database, edited).BuildAsync(new BuildRequest(All: true));

        var changes = report.Rescore!.Changes.Select(ch => ch.Describe()).ToList();
        var holidaysAfter = edited.RuleFiles().Single(f => f.Name == "holidays.csv");
        Assert.Equal(["deadlines.yaml 2026.1: đã sửa nhưng chưa đổi phiên bản", $"holidays.csv {holidaysBefore.ShortHash} → {holidaysAfter.ShortHash}"], changes);
        Assert.Contains(report.Rescore.Lines(), l => l.Contains("deadlines.yaml, holidays.csv áp dụng khi nạp"));
    }

    /// <summary>indicator → (rule_version, rule_set_id) of TNI.SYT's values of 2026-10.</summary>
    private static async Task<Dictionary<string, (string, long)>> VersionsAsync(TempWarehouse w)
    {
        await using var c = await w.OpenAsync();
        return (await c.QueryAsync<(string Code, string Version, long Set)>(
                "SELECT indicator_code, rule_version, rule_set_id FROM fact_indicator_value WHERE agency_code = 'TNI.SYT' AND period_code = '2026-10'"))
            .ToDictionary(r => r.Code, r => (r.Version, r.Set));
    }
}
