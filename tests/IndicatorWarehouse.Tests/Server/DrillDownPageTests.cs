using System.Net;
using Dapper;
using IndicatorWarehouse.Tests.Server.Support;
using IndicatorWarehouse.Tests.Support;

namespace IndicatorWarehouse.Tests.Server;

[Collection(ProvinceCollection.Name)]
public sealed class DrillDownPageTests(ProvinceWarehouse province) : IAsyncLifetime
{
    private RunningServer _server = default!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(province.Warehouse.Settings);
    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task DrillDown_Rate_ListsItsDenominatorAndOffersTheWorksheet()
    {
        await using var c = await province.Warehouse.OpenAsync();
        var den = await c.ExecuteScalarAsync<long>(
            "SELECT denominator FROM fact_indicator_value WHERE agency_code = 'TNI.SYT' AND period_code = '2026-10' AND indicator_code = 'on_time_rate_766'");

        var html = await _server.Client().GetStringAsync("drilldown?unit=TNI.SYT&period=2026-10&indicator=on_time_rate_766");
        var xlsx = await _server.Client().GetAsync("drilldown.xlsx?unit=TNI.SYT&period=2026-10&indicator=on_time_rate_766");

        Assert.Contains($"mẫu số {den}", html);
        Assert.Equal(den, System.Text.RegularExpressions.Regex.Matches(html, "<tr><td>").Count);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task DrillDown_UnknownIndicator_IsABadRequestWithAMessage()
    {
        var response = await _server.Client().GetAsync("drilldown?unit=TNI.SYT&period=2026-10&indicator=index766_total");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no drill-down", await response.Content.ReadAsStringAsync());
    }
}
