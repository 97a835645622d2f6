using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Tests.Reporting.Pdf;
using IndicatorWarehouse.Tests.Support;

namespace IndicatorWarehouse.Tests.Cli;

/// <summary>`iw demo` end to end in a child process, small: it prints with its own Chromium, so it runs with the other printing tests.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_SmallProvince_WritesWarehouseScorecardsOfEverySởRankingReviewAndQuickReportsAndArchivesTheIssued()
    {
        var output = Path.Combine(Path.GetTempPath(), "iw-demo-" + Guid.NewGuid().ToString("N")[..12]);
        var departments = ReferenceFiles.Default().Agencies()
            .Where(a => a is { ProvinceCode: "TNI", Level: "department", ValidTo: null }).Select(a => a.Code).Order().ToList();
        try
        {
            var run = await IwProcess.RunAsync("demo", "--out", output, "--dossiers-per-year", "1500", "--years", "2025-2026");

            Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
            Assert.True(File.Exists(Path.Combine(output, "warehouse.db")));
            Assert.True(File.Exists(Path.Combine(output, "sources", "onestop_2025.csv")));
            Assert.Equal(departments.Select(d => $"phieu-diem_{d}_2026-10.pdf").Append("phieu-diem_TNI.SYT_2026-11.pdf").Order(),
                Directory.GetFiles(Path.Combine(output, "reports", "phieu-diem")).Select(Path.GetFileName).Order());
            Assert.True(File.Exists(Path.Combine(output, "reports", "xep-hang_TNI_2026-10.pdf")));
            Assert.True(File.Exists(Path.Combine(output, "reports", "xu-huong_TNI_2025-2026.pdf")));
            Assert.Equal(3, Directory.GetFiles(Path.Combine(output, "reports", "bao-cao-nhanh"), "*.pdf").Length);
            Assert.Contains("phieu-diem_TNI.SYT_2026-10.pdf", run.Stdout);
            Assert.Contains("xu-huong_TNI_2025-2026.pdf", run.Stdout);
            var text = await ExternalTool.OutputOfAsync("pdftotext", Path.Combine(output, "reports", "phieu-diem", "phieu-diem_TNI.SYT_2026-10.pdf"), "-");
            Assert.Contains("Sở Y tế Tây Ninh", text);
            // The demo prints its own fixed day, whenever it runs; only the month still open at the data's as-of is provisional.
            Assert.Contains("Ngày lập: 20/11/2026", text);
            Assert.DoesNotContain("tạm tính", text);
            var open = await ExternalTool.OutputOfAsync("pdftotext", Path.Combine(output, "reports", "phieu-diem", "phieu-diem_TNI.SYT_2026-11.pdf"), "-");
            Assert.Contains("Số liệu tạm tính đến 20/11/2026", open);
            var archive = await IwProcess.RunAsync("archive", "list", "--format", "csv", "--db", Path.Combine(output, "warehouse.db"));
            var issued = archive.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')[1]).ToList();
            Assert.Equal(departments.Count + 1, issued.Count(kind => kind == "scorecard"));
            Assert.Equal(1, issued.Count(kind => kind == "ranking"));
            Assert.Equal(1, issued.Count(kind => kind == "review"));
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }
}
