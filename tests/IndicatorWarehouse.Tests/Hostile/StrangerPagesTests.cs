using System.Net;
using IndicatorWarehouse.Tests.Server.Support;
using IndicatorWarehouse.Tests.Support;

namespace IndicatorWarehouse.Tests.Hostile;

/// <summary>Issue 17, point 8, on a real `iw serve`: anonymous pages show no folder, and errors are Vietnamese pages
/// with their status and a reference number, without paths or .NET type names.</summary>
public sealed class StrangerPagesTests
{
    private static async Task<(TempWarehouse Warehouse, RunningServer Server, string Dashboards)> StartAsync()
    {
        var w = await TempWarehouse.InitializedAsync();
        var dashboards = Path.Combine(w.Directory, "bang-dieu-khien");
        Directory.CreateDirectory(dashboards);
        await File.WriteAllTextAsync(Path.Combine(dashboards, "hong.yaml"), "title: [không đóng\npanels: {{{");
        var server = await RunningServer.StartAsync(w.Settings, config => config.Dashboards = dashboards);
        return (w, server, dashboards);
    }

    [Fact]
    public async Task Point8_AnonymousIndexAndBrokenDashboard_ShowNoPathOrTypeName_ButAReference()
    {
        var (w, server, dashboards) = await StartAsync();
        await using var _ = w;
        await using var __ = server;

        var index = await server.Client().GetStringAsync("");
        var broken = await server.Client().GetAsync("dashboards/hong");
        var brokenText = await broken.Content.ReadAsStringAsync();
        var adminIndex = await server.Client(RunningServer.AdminName).GetStringAsync("");

        Assert.DoesNotContain(dashboards, index);
        Assert.Contains("hãy báo quản trị viên", index);
        Assert.Equal(HttpStatusCode.InternalServerError, broken.StatusCode);
        Assert.DoesNotContain(dashboards, brokenText);
        Assert.DoesNotContain("Exception", brokenText);
        Assert.DoesNotContain("YamlDotNet", brokenText);
        Assert.Matches("mã tham chiếu [0-9A-F]{8}", brokenText);
        Assert.Contains(dashboards, adminIndex);
    }

    [Fact]
    public async Task Point8_UnknownAddress_IsAVietnamese404WithAReference()
    {
        var (w, server, _) = await StartAsync();
        await using var _w = w;
        await using var _s = server;

        var response = await server.Client().GetAsync("khong-co-trang-nay");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("Không tìm thấy (404)", text);
        Assert.Matches("Mã tham chiếu: [0-9A-F]{8}", text);
    }
}
