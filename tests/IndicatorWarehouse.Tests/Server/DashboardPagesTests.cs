using System.Net;
using System.Text.RegularExpressions;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Tests.Server.Support;
using IndicatorWarehouse.Tests.Support;

namespace IndicatorWarehouse.Tests.Server;

[Collection(ProvinceCollection.Name)]
public sealed partial class DashboardPagesTests(ProvinceWarehouse province) : IAsyncLifetime
{
    private RunningServer _server = default!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(province.Warehouse.Settings);
    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string> ShippedDashboards =>
        new(Directory.GetFiles(RepoPaths.Of("dashboards"), "*.yaml").Select(Path.GetFileNameWithoutExtension).Order()!);

    [Fact]
    public async Task Index_ShippedDashboardsFolder_ListsEachOneWithItsTitle()
    {
        var html = await _server.Client().GetStringAsync("");

        Assert.NotEmpty(ShippedDashboards);
        foreach (var slug in ShippedDashboards)
            Assert.Contains($"href=\"dashboards/{slug}\"", html);
        Assert.Contains("Tổng quan tỉnh", html);
        Assert.DoesNotContain("Không đọc được tệp", html);
    }

    [Theory]
    [MemberData(nameof(ShippedDashboards))]
    public async Task Dashboard_Shipped_RendersEveryPanelWithData(string slug)
    {
        var response = await _server.Client().GetAsync($"dashboards/{slug}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var panels = Panels().Matches(html).Select(m => m.Value).ToList();
        Assert.NotEmpty(panels);
        Assert.All(panels, panel =>
        {
            Assert.DoesNotContain("panel-error", panel);
            Assert.True(panel.Contains("<svg", StringComparison.Ordinal) || panel.Contains("class=\"tile", StringComparison.Ordinal)
                        || panel.Contains("<td", StringComparison.Ordinal), $"{slug}: a panel shows nothing: {panel[..Math.Min(300, panel.Length)]}");
        });
    }

    [Fact]
    public async Task UnitDetail_UnitAndMonth_ShowsTheUnitsFiguresAndTheScorecardHook()
    {
        var html = await _server.Client().GetStringAsync("dashboards/don-vi?unit=TNI.SYT&from=2026-01&to=2026-10");

        Assert.Contains("<option value=\"TNI.SYT\" selected", html);
        Assert.Contains("href=\"scorecards/TNI.SYT/2026-10.pdf\"", html);
        Assert.Contains("Tổng số hồ sơ tiếp nhận", html);
        // A tile's target note is written from its target and comparator columns, Vietnamese style.
        Assert.Contains("Mục tiêu ≥ 100,0 %", html);
        // Months on the line chart axis are written MM/yyyy, Vietnamese style.
        Assert.Contains("10/2026", html);
    }

    [Fact]
    public async Task Dashboard_UnknownUnit_IsABadRequestNamingIt()
    {
        var response = await _server.Client().GetAsync("dashboards/don-vi?unit=KHONG.CO");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("KHONG.CO", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Scorecard_NoScorecardService_Answers501WithAMessage()
    {
        var response = await _server.Client().GetAsync("scorecards/TNI.SYT/2026-10.pdf");

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Contains("IScorecardDocuments", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task QuickReport_UnitAndDay_ShowsTheReportText()
    {
        var html = await _server.Client().GetStringAsync("quick-report?unit=TNI.SYT&date=2026-11-20");

        Assert.Contains("Số hồ sơ đã xử lý/tổng số hồ sơ", html);
    }

    [Fact]
    public async Task Health_WarehouseReachable_Answers200()
    {
        var response = await _server.Client().GetAsync("health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_WarehouseFileMissing_Answers503()
    {
        var missing = WarehouseSettings.From("sqlite", Path.Combine(Path.GetTempPath(), "iw-missing-" + Guid.NewGuid().ToString("N"), "w.db"), null);
        await using var server = await RunningServer.StartAsync(missing);

        var response = await server.Client().GetAsync("health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [GeneratedRegex("<section class=\"panel.*?</section>", RegexOptions.Singleline)]
    private static partial Regex Panels();
}
