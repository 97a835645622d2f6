using System.Net;
using IndicatorWarehouse.Tests.Server.Support;
using IndicatorWarehouse.Tests.Support;
using IndicatorWarehouse.Warehouse.Ledger;

namespace IndicatorWarehouse.Tests.Server;

[Collection(ProvinceCollection.Name)]
public sealed class JobControlAccessTests(ProvinceWarehouse province) : IAsyncLifetime
{
    private const string Job = "pull-mot-cua";
    private RunningServer _server = default!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(province.Warehouse.Settings);

    public async Task DisposeAsync()
    {
        await new JobPauses(province.Warehouse.Database).ResumeAsync(Job);
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Pause_WithoutCredentials_Is401AndNothingIsPaused()
    {
        var response = await _server.Client().PostAsync($"jobs/{Job}/pause", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(await new JobPauses(province.Warehouse.Database).IsPausedAsync(Job));
    }

    [Fact]
    public async Task Pause_AsAnalyst_Is403AndNothingIsPaused()
    {
        var response = await RunningServer.PostFormAsync(_server.Client(RunningServer.AnalystName), "sql", $"jobs/{Job}/pause");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await new JobPauses(province.Warehouse.Database).IsPausedAsync(Job));
    }

    [Fact]
    public async Task Pause_AsAdminWithoutTheFormToken_IsRefused()
    {
        var response = await _server.Client(RunningServer.AdminName).PostAsync($"jobs/{Job}/pause", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await new JobPauses(province.Warehouse.Database).IsPausedAsync(Job));
    }

    [Fact]
    public async Task Pause_AsAdminFromTheJobsPage_PausesAndTheJobsPageSaysSo()
    {
        var admin = _server.Client(RunningServer.AdminName);

        var response = await RunningServer.PostFormAsync(admin, "jobs", $"jobs/{Job}/pause");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await new JobPauses(province.Warehouse.Database).IsPausedAsync(Job));
        var page = await admin.GetStringAsync("jobs");
        Assert.Contains($"action=\"jobs/{Job}/resume\"", page);
    }

    [Fact]
    public async Task Run_AsAdminFromTheJobsPage_RunsTheJobInTheBackgroundIntoTheLedger()
    {
        var ledger = new RunLedger(province.Warehouse.Database);

        var response = await RunningServer.PostFormAsync(_server.Client(RunningServer.AdminName), "jobs", $"jobs/{Job}/run");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // The server may also be running a firing it missed (by=lịch): look for the run asked for here.
        var runs = await Eventually.ReadUntilAsync(() => ledger.RecentAsync(Job),
            r => r.Any(run => run.Parameters!.Contains("by=web:minh") && run.State != RunState.Running), "the run asked for from the jobs page");
        var run = runs.First(run => run.Parameters!.Contains("by=web:minh"));
        Assert.Equal(RunState.Skipped, run.State);
    }

    [Fact]
    public async Task JobsPage_Analyst_SeesSchedulesButNoControls()
    {
        var page = await _server.Client(RunningServer.AnalystName).GetStringAsync("jobs");

        Assert.Contains(Job, page);
        Assert.Contains("quick-reports", page);
        Assert.DoesNotContain("/pause\"", page);
    }

    [Fact]
    public async Task SignIn_WrongPassword_Is401()
    {
        var client = _server.Client();
        client.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String("minh:sai"u8.ToArray()));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("jobs")).StatusCode);
    }
}
