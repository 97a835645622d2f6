using IndicatorWarehouse.Server.Access;
using IndicatorWarehouse.Tests.Server.Support;
using IndicatorWarehouse.Tests.Support;
using IndicatorWarehouse.Warehouse.Ledger;

namespace IndicatorWarehouse.Tests.Server;

/// <summary>`iw jobs` and `iw serve hash-password` as the built binary runs them.</summary>
[Collection(ProvinceCollection.Name)]
public sealed class JobsCommandTests(ProvinceWarehouse province) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("iw-jobs-").FullName;

    [Fact]
    public async Task RunQuickReports_ForADay_WritesTheReportsAndTheLedgerAndRefusesTheSameDayAgain()
    {
        var config = Path.Combine(_folder, "iw.serve.yaml");
        await File.WriteAllTextAsync(config, $"output: {Path.Combine(_folder, "out")}\nquickReports:\n  units: [TNI.SYT, TNI.STP]\n");
        string[] run = ["jobs", "--config", config, "--db", province.Warehouse.DbPath, "run", "quick-reports", "--period", "2026-11-19"];

        var first = await IwProcess.RunAsync(run);
        var second = await IwProcess.RunAsync(run);
        var list = await IwProcess.RunAsync("jobs", "--config", config, "--db", province.Warehouse.DbPath, "list");

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Contains("Succeeded", first.Stdout);
        Assert.Equal(["bao-cao-nhanh_TNI.STP_2026-11-19.txt", "bao-cao-nhanh_TNI.SYT_2026-11-19.txt"],
            Directory.GetFiles(Path.Combine(_folder, "out", "quick-reports", "2026-11-19")).Select(Path.GetFileName).Order());
        Assert.Contains("LeaseHeld", second.Stdout);
        var runs = await new RunLedger(province.Warehouse.Database).RecentAsync("quick-reports");
        Assert.Equal(1, runs.Count(r => r.Parameters!.Contains("period=2026-11-19")));
        Assert.Contains("quick-reports  [0 30 15 ? * MON-FRI]", list.Stdout);
    }

    [Fact]
    public async Task HashPassword_FromStandardInput_PrintsAHashThatVerifies()
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "iw.dll"));
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("hash-password");
        using var process = System.Diagnostics.Process.Start(start)!;
        await process.StandardInput.WriteLineAsync("bí mật của lan");
        process.StandardInput.Close();
        var hash = (await process.StandardOutput.ReadToEndAsync()).Trim();
        await process.WaitForExitAsync();

        Assert.True(PasswordHash.Verify("bí mật của lan", hash), hash);
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
