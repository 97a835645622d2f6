using static IndicatorWarehouse.Tests.Support.Rows;

namespace IndicatorWarehouse.Tests.Support;

/// <summary>The late correction the issued-report tests start from: Tây Ninh's health department handled
/// early in October 2026 and a report was issued (into <c>v0/</c>); a later snapshot says A-1 ended on 08/10, after
/// its deadline of 05/10, and the report is issued again (into <c>v1/</c>).</summary>
public static class LateCorrection
{
    public static async Task<(T Original, T Revised)> IssueBeforeAndAfterAsync<T>(TempWarehouse w, Func<string, Task<T>> issue)
    {
        var probe = new MeasureProbe(w);
        await probe.DossiersAsync(
            Dossier("A-1", "2026-10-01T08:00:00", due: "2026-10-05T17:00:00", finished: "2026-10-04T08:00:00"),
            Dossier("A-2", "2026-10-02T08:00:00", due: "2026-10-09T17:00:00", finished: "2026-10-06T08:00:00"));
        await probe.BuildAsync();
        var original = await issue(Path.Combine(w.Directory, "v0"));
        await probe.DossiersAsync(Dossier("A-1", "2026-10-01T08:00:00", due: "2026-10-05T17:00:00", finished: "2026-10-08T08:00:00"));
        await probe.BuildAsync(new());
        return (original, await issue(Path.Combine(w.Directory, "v1")));
    }
}
