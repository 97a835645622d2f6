using IndicatorWarehouse.Application.QuickReport;
using IndicatorWarehouse.Application.Reports;
using IndicatorWarehouse.Reporting.Formatting;

namespace IndicatorWarehouse.Tests.Application.Reports;

public sealed partial class ReportTests
{
    [Fact]
    public async Task QuickReport_Pdf_IsOnePageWithTheTextReportsFigures()
    {
        var report = await new QuickReportService(fixture.Warehouse.Database, fixture.Reference).BuildAsync("TNI.TTPVHCC", new DateOnly(2026, 11, 20));

        var pdf = await ReportFiles.WriteQuickReportAsync(Writer, QuickReportSheets.From(report), fixture.Output, ReportFormat.Pdf);

        Assert.Equal(1, await PagesAsync(pdf));
        var text = await FlatTextAsync(pdf);
        Assert.Contains("Trung tâm Phục vụ hành chính công tỉnh Tây Ninh", text);
        Assert.Contains($"Đã xử lý / tổng số hồ sơ {ViFormat.Count(report.Dossiers.Processed)}/{ViFormat.Count(report.Dossiers.Total)}", text);
        Assert.Contains("3. Hồ sơ sắp đến hạn trong 2 ngày làm việc tới (23/11/2026, 24/11/2026)", text);
        Assert.EndsWith(".pdf", pdf);
    }
}
