using IndicatorWarehouse.Application.QuickReport;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Tests.Support;
using static IndicatorWarehouse.Tests.Support.Rows;

namespace IndicatorWarehouse.Tests.Application;

public sealed class SqliteQuickReportTests : QuickReportTests<SqliteProvider>;
public sealed class SqlServerQuickReportTests : QuickReportTests<SqlServerProvider>;

public abstract class QuickReportTests<TProvider> : WarehouseTests<TProvider> where TProvider : WarehouseProvider, new()
{
    [ProviderFact]
    public async Task Build_MonthToDate_CountsLateWithReasonsApologiesPaknAndDossiersFallingDue()
    {
        await using var w = await InitializedAsync();
        var p = new MeasureProbe(w);
        await p.DossiersAsync(
            Dossier("early", "2026-11-02T08:00:00", due: "2026-11-10T17:00:00", finished: "2026-11-05T08:00:00"),
            Dossier("late-1", "2026-11-02T08:00:00", due: "2026-11-04T17:00:00", finished: "2026-11-06T08:00:00", apology: true) with { LateReason = "Chờ ý kiến phối hợp" },
            Dossier("late-2", "2026-11-03T08:00:00", due: "2026-11-04T17:00:00", finished: "2026-11-09T08:00:00"),
            // Friday 20/11/2026: the next two working days are Monday 23 and Tuesday 24.
            Dossier("due-monday", "2026-11-16T08:00:00", due: "2026-11-23T17:00:00", status: 4),
            Dossier("due-later", "2026-11-16T08:00:00", due: "2026-11-30T17:00:00", status: 4),
            Dossier("after-report", "2026-11-21T08:00:00", due: "2026-11-24T17:00:00", status: 4));
        await p.PaknAsync(Pakn("pk", "2026-11-03T08:00:00", handled: "2026-11-05T08:00:00", due: "2026-11-20T17:00:00"));

        var report = await new QuickReportService(w.Database, ReferenceFiles.Default()).BuildAsync("TNI.SYT", new DateOnly(2026, 11, 20));

        Assert.Equal((5L, 3L, 1L, 0L, 2L, 1L), (report.Dossiers.Total, report.Dossiers.Processed, report.Dossiers.Early,
            report.Dossiers.OnTime, report.Dossiers.Late, report.Dossiers.LateWithApology));
        Assert.Equal(["due-monday"], report.FallingDue.Select(d => d.dossier_code));
        Assert.Equal([new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 24)], report.DueDays);
        var text = QuickReportText.Render(report);
        Assert.Contains("Số hồ sơ đã xử lý/tổng số hồ sơ: 3/5 (60,0 %)", text);
        Assert.Contains("late-1 — Cấp giấy phép hành nghề: hẹn 04/11/2026, có kết quả 06/11/2026; lý do: Chờ ý kiến phối hợp", text);
        Assert.Contains("đã xin lỗi 1/2 hồ sơ trễ hạn (50,0 %)", text);
        Assert.Contains("tiếp nhận 1, đã xử lý 1 (đúng hạn 1)", text);
    }
}
