using IndicatorWarehouse.Application.Reports;
using IndicatorWarehouse.Application.Reports.Scorecards;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Tests.Support;
using static IndicatorWarehouse.Tests.Support.Rows;

namespace IndicatorWarehouse.Tests.Application.Reports;

public sealed class PlanPhasesTests
{
    [Fact]
    public void Within_SeveralPhases_MarksTheLatestThatBeginsInsideTheSpan()
    {
        var phases = PlanPhases.Parse(new StringReader("""
            phases:
              - { starts: 2026-01-01, label: "KH 2026–2030" }
              - { starts: 2021-01-01, label: "KH 2021–2025" }
            """));

        Assert.Equal("KH 2026–2030", phases.Within(new DateOnly(2020, 1, 1), new DateOnly(2026, 12, 1))!.Label);
        Assert.Equal("KH 2021–2025", phases.Within(new DateOnly(2020, 1, 1), new DateOnly(2025, 12, 1))!.Label);
        Assert.Null(phases.Within(new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 1)));
    }

    [Fact]
    public async Task ScorecardQuery_ProvinceChangedThePhases_MarksItsOwnPhaseOnTheTrends()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var probe = new MeasureProbe(w);
        await probe.DossiersAsync(Dossier("A-1", "2026-10-01T08:00:00", due: "2026-10-05T17:00:00", finished: "2026-10-04T08:00:00"));
        await probe.BuildAsync();
        var reference = ReferenceCopy.In(w.Directory).Edit("plan_phases.yaml",
            "- { starts: 2026-01-01, label: \"KH 2026–2030\" }", "- { starts: 2025-07-01, label: \"KH sau sáp nhập\" }");

        var model = await new ScorecardQuery(w.Database, reference).LoadAsync("TNI.SYT", "2026-10", new DateOnly(2026, 11, 21));
        var shipped = await new ScorecardQuery(w.Database, ReferenceFiles.Default()).LoadAsync("TNI.SYT", "2026-10", new DateOnly(2026, 11, 21));

        Assert.Equal((new DateOnly(2025, 7, 1), "KH sau sáp nhập"), (model.PlanBoundary!.At, model.PlanBoundary.Label));
        Assert.Equal((new DateOnly(2026, 1, 1), "KH 2026–2030"), (shipped.PlanBoundary!.At, shipped.PlanBoundary.Label));
    }
}
