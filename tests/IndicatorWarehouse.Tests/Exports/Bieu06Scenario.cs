using IndicatorWarehouse.Application.Build;
using IndicatorWarehouse.Application.Exports;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Tests.Support;
using static IndicatorWarehouse.Tests.Support.Rows;

namespace IndicatorWarehouse.Tests.Exports;

/// <summary>A real SQLite warehouse, loaded through the real loader and built, with dossiers around Q3 2026 in two
/// fields of a department, a commune whose procedure names no field, and a unit of another province.</summary>
public sealed class Bieu06Scenario : IAsyncLifetime
{
    public const string Department = "TNI.SYT", Commune = "TNI.X001", OtherProvince = "DNA.SYT";

    public TempWarehouse Warehouse { get; private set; } = null!;
    public MeasureProbe Probe { get; private set; } = null!;

    /// <summary>The Q3 2026 counts of the department, worked out by hand from the contract's rules:
    /// in scope carried, online-early, offline-ontime, postal-late, pending-within, pending-overdue, withdrawn (7).</summary>
    public static readonly long[] DepartmentQ3 = [7, 3, 3, 1, 5, 2, 2, 1, 2, 1, 1];
    public static readonly long[] CommuneQ3 = [2, 1, 1, 0, 1, 1, 0, 0, 1, 1, 0];

    public async Task InitializeAsync()
    {
        Warehouse = await TempWarehouse.InitializedAsync();
        Probe = new MeasureProbe(Warehouse);
        await Probe.DossiersAsync(
            Dossier("carried", "2026-06-20T08:00:00", due: "2026-07-10T17:00:00", finished: "2026-07-05T10:00:00"),
            Dossier("online-early", "2026-07-02T08:00:00", due: "2026-07-10T17:00:00", finished: "2026-07-08T10:00:00"),
            Drug(Dossier("offline-ontime", "2026-07-03T08:00:00", due: "2026-07-10T08:00:00", finished: "2026-07-10T16:00:00", channel: 1)),
            Drug(Dossier("postal-late", "2026-08-01T08:00:00", due: "2026-08-05T17:00:00", finished: "2026-08-07T10:00:00", channel: 3)),
            Dossier("pending-within", "2026-09-20T08:00:00", due: "2026-10-10T17:00:00", status: 4, channel: 1),
            Drug(Dossier("pending-overdue", "2026-09-01T08:00:00", due: "2026-09-10T17:00:00", status: 4)),
            Dossier("not-accepted", "2026-07-05T08:00:00", due: "2026-07-10T17:00:00", status: 3),
            Dossier("withdrawn", "2026-07-06T08:00:00", due: "2026-07-20T17:00:00", returned: "2026-07-08T08:00:00", status: 7),
            Dossier("ended-before", "2026-06-01T08:00:00", due: "2026-06-25T17:00:00", finished: "2026-06-20T08:00:00"),
            Dossier("received-after", "2026-10-02T08:00:00", due: "2026-10-10T17:00:00", status: 4),
            NoField(Dossier("x-online", "2026-07-15T08:00:00", due: "2026-07-20T17:00:00", finished: "2026-07-18T08:00:00", agency: Commune)),
            NoField(Dossier("x-pending", "2026-09-25T08:00:00", status: 4, channel: 1, agency: Commune)),
            Dossier("dna-pending", "2026-07-10T08:00:00", due: "2026-07-30T17:00:00", status: 4, agency: OtherProvince));
        await Probe.BuildAsync();
    }

    public Task<Bieu06Report> ReportAsync(string period, string? agency = null, string? province = null) =>
        new Bieu06Service(Warehouse.Database).BuildAsync(period, agency, province);

    public async Task DisposeAsync() => await Warehouse.DisposeAsync();

    private static DossierRecord Drug(DossierRecord d) => d with { ProcedureCode = "1.001", FieldCode = "DUOC", FieldName = "Dược phẩm" };

    private static DossierRecord NoField(DossierRecord d) => d with { ProcedureCode = "2.001", FieldCode = null, FieldName = null };
}
