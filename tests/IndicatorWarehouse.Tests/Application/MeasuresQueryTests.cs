using IndicatorWarehouse.Application.Measures;
using IndicatorWarehouse.Tests.Support;
using static IndicatorWarehouse.Tests.Support.Rows;

namespace IndicatorWarehouse.Tests.Application;

public sealed class SqliteMeasuresQueryTests : MeasuresQueryTests<SqliteProvider>;
public sealed class SqlServerMeasuresQueryTests : MeasuresQueryTests<SqlServerProvider>;

public abstract class MeasuresQueryTests<TProvider> : WarehouseTests<TProvider> where TProvider : WarehouseProvider, new()
{
    [ProviderFact]
    public async Task For_UnitWithoutTargets_ReadsItsMeasuresAndTheRollUpOfItsPredecessors()
    {
        await using var w = await InitializedAsync();
        var p = new MeasureProbe(w);
        // Long An's health department merged into Tây Ninh's on 01/07/2025 with its whole share.
        await p.DossiersAsync(
            Dossier("TNI-1", "2025-03-03T08:00:00", finished: "2025-03-04T08:00:00"),
            Dossier("LAN-1", "2025-03-03T08:00:00", finished: "2025-03-04T08:00:00", agency: "LAN.SYT"),
            Dossier("LAN-2", "2025-03-05T08:00:00", finished: "2025-03-06T08:00:00", agency: "LAN.SYT"));
        await p.BuildAsync();
        var query = new MeasuresQuery(w.Database);

        var own = await query.ForAsync("TNI.SYT", "2025-03");
        var rolledUp = await query.ForAsync("TNI.SYT", "2025-03", lineage: true);

        var received = own.Single(r => r.indicator == "received_total");
        Assert.Equal((1.0, null, null), (received.value, received.target, received.target_source));
        Assert.Equal(3.0, rolledUp.Single(r => r.indicator == "received_total").value);
        var rate = rolledUp.Single(r => r.indicator == "on_time_rate_766");
        Assert.Equal((3.0, 3.0, 100.0), (rate.numerator, rate.denominator, rate.value));
    }
}
