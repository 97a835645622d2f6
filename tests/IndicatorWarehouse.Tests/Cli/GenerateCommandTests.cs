using System.Diagnostics;

namespace IndicatorWarehouse.Tests.Cli;

public sealed class GenerateCommandTests
{
    [Fact]
    public async Task Generate_OneYear_WritesTheThreeSourcesAndPrintsRowCounts()
    {
        var output = Path.Combine(Path.GetTempPath(), "iw-cli-gen-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var (exitCode, stdout) = await RunIw("generate", "--out", output, "--years", "2024", "--dossiers-per-year", "500", "--seed", "9");

            Assert.Equal(0, exitCode);
            Assert.Equal(["digitization_2024.csv", "onestop_2024.csv", "pakn_2024.csv"],
                Directory.GetFiles(output).Select(Path.GetFileName).Order());
            Assert.Equal(501, File.ReadAllLines(Path.Combine(output, "onestop_2024.csv")).Length);
            Assert.Matches(@"onestop_2024\.csv\s+500 dòng", stdout);
            Assert.Contains("--as-of 2024-12-31T23:59:59", stdout);
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task Generate_MalformedYears_FailsWithAMessage()
    {
        var (exitCode, _) = await RunIw("generate", "--out", Path.GetTempPath(), "--years", "hai nghìn");

        Assert.Equal(1, exitCode);
    }

    private static async Task<(int ExitCode, string Stdout)> RunIw(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "iw.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
