using IndicatorWarehouse.Tests.Support;

namespace IndicatorWarehouse.Tests.Cli;

public sealed class QuickReportCommandTests
{
    [Fact]
    public async Task QuickReport_PdfWithoutOut_FailsAskingForAFolder()
    {
        // The file exists (the --db gate lets it by) but holds no warehouse: the missing folder is refused before it is read.
        var db = Path.Combine(Path.GetTempPath(), "iw-empty-" + Guid.NewGuid().ToString("N") + ".db");
        await File.WriteAllBytesAsync(db, []);
        var run = await IwProcess.RunAsync("quick-report", "--agency", "TNI.SYT", "--date", "2026-11-20", "--format", "pdf", "--db", db);
        File.Delete(db);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--out", run.Stderr);
        Assert.Equal("", run.Stdout);
    }
}
