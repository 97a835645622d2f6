using Dapper;
using IndicatorWarehouse.Tests.Support;
using static IndicatorWarehouse.Tests.Support.Rows;

namespace IndicatorWarehouse.Tests.Hostile;

/// <summary>Issue 17, point 9, on a real SQLite file: digitization of a dossier the warehouse does not have, or filed
/// under another unit. Digitization counts through its dossier (by code) for the dossier's unit: a record without its
/// dossier counts nowhere until the dossier arrives, a record under another unit never moves figures to that unit, and
/// mart_digitization_check lists both for someone to look at.</summary>
public sealed class DigitizationCheckTests
{
    [Fact]
    public async Task Point9_DigitizationWithoutItsDossierOrUnderAnotherUnit_IsListedAndCountsOnlyThroughTheDossier()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var probe = new MeasureProbe(w);
        await probe.DossiersAsync(
            Dossier("yte-1", "2026-07-02T08:00:00", due: "2026-07-10T17:00:00", finished: "2026-07-08T10:00:00"),
            // Sở LĐTBXH merged into Sở Nội vụ in 3/2025: its successor may file its old dossiers' digitization.
            Dossier("ldtbxh-1", "2024-07-02T08:00:00", due: "2024-07-10T17:00:00", finished: "2024-07-08T10:00:00", agency: "TNI.SLDTBXH"));
        await probe.DigitizationAsync(
            Digitization("yte-1", agency: "TNI.SNV"),
            Digitization("yte-2"),
            Digitization("ldtbxh-1", agency: "TNI.SNV"));
        await probe.BuildAsync();

        Assert.Equal([("yte-1", "TNI.SNV", "TNI.SYT", "khac_don_vi"), ("yte-2", "TNI.SYT", null, "chua_co_ho_so")], await ChecksAsync(w));
        Assert.Equal(1, await probe.CountAsync("digitized_dossier_rate", "2026-07"));
        Assert.True(await probe.CountAsync("digitized_dossier_rate", "2026-07", "TNI.SNV") is null or 0, "Sở Nội vụ gained a dossier it never received");

        await probe.DossiersAsync(Dossier("yte-2", "2026-07-03T08:00:00", due: "2026-07-10T17:00:00", finished: "2026-07-09T10:00:00"));
        await probe.BuildAsync();

        Assert.Equal([("yte-1", "TNI.SNV", "TNI.SYT", "khac_don_vi")], await ChecksAsync(w));
        Assert.Equal(2, await probe.CountAsync("digitized_dossier_rate", "2026-07"));
    }

    private static async Task<List<(string Dossier, string Agency, string? DossierAgency, string Problem)>> ChecksAsync(TempWarehouse w)
    {
        await using var c = await w.OpenAsync();
        return (await c.QueryAsync<(string, string, string?, string)>(
            "SELECT dossier_code, agency_code, dossier_agency_code, problem FROM mart_digitization_check ORDER BY dossier_code")).ToList();
    }
}
