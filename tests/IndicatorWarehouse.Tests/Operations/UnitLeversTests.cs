using IndicatorWarehouse.Application.Index766;
using IndicatorWarehouse.Application.Setup;
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
    public async Task For_UnknownUnit_FailsNamingIt()
    {
        await using var w = await InitializedAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new UnitLevers(w.Database, ReferenceFiles.Default()).ForAsync("TNI.KHONGCO", "2026-10"));

        Assert.Contains("TNI.KHONGCO", error.Message);
    }
}
