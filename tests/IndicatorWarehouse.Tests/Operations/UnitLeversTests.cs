using IndicatorWarehouse.Application.Index766;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Reporting.Templates.Shared;
using IndicatorWarehouse.Tests.Support;
using static IndicatorWarehouse.Tests.Support.Rows;

namespace IndicatorWarehouse.Tests.Operations;

public sealed class SqliteUnitLeversTests : UnitLeversTests<SqliteProvider>;
public sealed class SqlServerUnitLeversTests : UnitLeversTests<SqlServerProvider>;

/// <summary>`iw levers` on a real build: the warehouse's own figures, scored as the build scores them, say how many more
/// of each count reach the metric's maximum.</summary>
public abstract class UnitLeversTests<TProvider> : WarehouseTests<TProvider> where TProvider : WarehouseProvider, new()
{
    [ProviderFact]
    public async Task For_OneLateOfFour_NeedsOneMoreOnTimeDossierForTwentyPoints()
    {
        await using var w = await InitializedAsync();
        var probe = new MeasureProbe(w);
        // Four online dossiers of October, one handled late: 766 on-time rate 3/4, 15 of 20 progress points.
        await probe.DossiersAsync(
            Dossier("L-1", "2026-10-01T08:00:00", due: "2026-10-10T17:00:00", finished: "2026-10-05T10:00:00"),
            Dossier("L-2", "2026-10-02T08:00:00", due: "2026-10-10T17:00:00", finished: "2026-10-06T10:00:00"),
            Dossier("L-3", "2026-10-03T08:00:00", due: "2026-10-10T17:00:00", finished: "2026-10-07T10:00:00"),
            Dossier("L-4", "2026-10-03T08:00:00", due: "2026-10-10T17:00:00", finished: "2026-10-15T10:00:00"));
        await probe.BuildAsync();

        var levers = await new UnitLevers(w.Database, ReferenceFiles.Default()).ForAsync("TNI.SYT", "2026-10");

        var progress = Assert.Single(levers, l => l.Lever.Metric == "PROGRESS");
        Assert.Equal((3.0, 4.0, 1L), (progress.Lever.Numerator, progress.Lever.Denominator, progress.Lever.Needed));
        Assert.Equal(5, progress.Lever.PointsGained!.Value, 9);
        Assert.Equal("Hồ sơ giải quyết đúng hạn: cần thêm 1 để đạt 20/20 điểm (+5 điểm)", progress.Sentence());
        // Every online dossier already: the online-dossier rate is at its maximum and is no lever.
        Assert.DoesNotContain(levers, l => l.Lever.Metric == "ONLINE_DOSSIER_RATE");
        Assert.Equal(levers.OrderByDescending(l => l.Lever.PointsPerItem).Select(l => l.Lever.Metric), levers.Select(l => l.Lever.Metric));
    }

    [ProviderFact]
    public async Task BelowTarget_GroupAtItsPlanTarget_IsLeftOut_GroupShortOfItOrWithoutOneBelowItsMaximum_IsListed()
    {
        await using var w = await InitializedAsync();
        var probe = new MeasureProbe(w);
        // The same October in three Sở, one dossier of four late in each: 15 of 20 progress points everywhere.
        string[] units = ["TNI.SYT", "TNI.SNV", "TNI.STC"];
        await probe.DossiersAsync([.. units.SelectMany(unit => new[]
        {
            Dossier($"{unit}-1", "2026-10-01T08:00:00", due: "2026-10-10T17:00:00", finished: "2026-10-05T10:00:00", agency: unit),
            Dossier($"{unit}-2", "2026-10-02T08:00:00", due: "2026-10-10T17:00:00", finished: "2026-10-06T10:00:00", agency: unit),
            Dossier($"{unit}-3", "2026-10-03T08:00:00", due: "2026-10-10T17:00:00", finished: "2026-10-07T10:00:00", agency: unit),
            Dossier($"{unit}-4", "2026-10-03T08:00:00", due: "2026-10-10T17:00:00", finished: "2026-10-15T10:00:00", agency: unit),
        })]);
        // Sở Y tế's plan asks 15 progress points (met), Sở Nội vụ's asks 20 (not met); Sở Tài chính's plan names none.
        var targets = Path.Combine(Path.GetTempPath(), "iw-lever-targets-" + Guid.NewGuid().ToString("N")[..8] + ".csv");
        await System.IO.File.WriteAllTextAsync(targets, "agency_code,indicator,period,comparator,value,source_document,clause\n" +
            "TNI.SYT,index766_progress,2026,>=,15,KH thử,1\nTNI.SNV,index766_progress,2026,>=,20,KH thử,1\n");
        try
        {
            await probe.Ingest.IngestFileAsync(SourceKind.Targets, targets, At("2026-11-20T17:00:00"));
        }
        finally
        {
            System.IO.File.Delete(targets);
        }
        await probe.BuildAsync();
        var levers = new UnitLevers(w.Database, ReferenceFiles.Default());

        var listed = new Dictionary<string, IReadOnlyList<UnitLever>>();
        foreach (var unit in units) listed[unit] = await levers.BelowTargetAsync(unit, "2026-10");

        // Every unit has the progress lever; only where its group falls short of the plan (or, without one, of 20) is it listed.
        foreach (var unit in units) Assert.Contains(await levers.ForAsync(unit, "2026-10"), l => l.Lever.Metric == "PROGRESS");
        Assert.DoesNotContain(listed["TNI.SYT"], l => l.GroupCode == "progress");
        var progress = Assert.Single(listed["TNI.SNV"], l => l.GroupCode == "progress");
        Assert.Equal(new LeverLine("Tiến độ, kết quả giải quyết", "Hồ sơ giải quyết đúng hạn: cần thêm 1 để đạt 20/20 điểm (+5 điểm)", "3/4"),
            progress.ToLine());
        Assert.Single(listed["TNI.STC"], l => l.GroupCode == "progress");
    }

    [ProviderFact]
    public async Task For_UnknownUnit_FailsNamingIt()
    {
        await using var w = await InitializedAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new UnitLevers(w.Database, ReferenceFiles.Default()).ForAsync("TNI.KHONGCO", "2026-10"));

        Assert.Contains("TNI.KHONGCO", error.Message);
    }
}
