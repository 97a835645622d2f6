using IndicatorWarehouse.Tests.Support;

namespace IndicatorWarehouse.Tests.Cli;

public sealed class QuickReportCommandTests
{
    [Fact]
    public async Task QuickReport_PdfWithoutOut_FailsAskingForAFolder()
    {
        var run = await IwProcess.RunAsync("quick-report", "--agency", "TNI.SYT", "--date", "2026-11-20", "--format", "pdf",
            "--db", Path.Combine(Path.GetTempPath(), "iw-no-such-" + Guid.NewGuid().ToString("N") + ".db"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--out", run.Stderr);
        Assert.Equal("", run.Stdout);
    }
}
