using System.Text.RegularExpressions;
using Dapper;
using IndicatorWarehouse.Application.Build;
using IndicatorWarehouse.Application.Ingest;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Tests.Server.Support;
using IndicatorWarehouse.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace IndicatorWarehouse.Tests.Server;

/// <summary>The page cache of `iw serve` (WarehousePageCache) on a real server and a real SQLite file. Each test renames a
/// unit behind the server's back (a write that is no load or build, so the warehouse's version stays): a page that
/// still shows the old name came from the cache, one that shows the new name was made again.</summary>
public sealed partial class PageCacheTests : IAsyncLifetime
{
    // 23:30 on 20/11/2026 in Vietnam, still 16:30 on the same day in UTC (the fake clock's own local zone).
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 16, 30, 0, TimeSpan.Zero));
    private TempWarehouse _warehouse = default!;
    private RunningServer _server = default!;
    private HttpClient _client = default!;

    public async Task InitializeAsync()
    {
        _warehouse = await TempWarehouse.InitializedAsync(_time);
        var dashboards = Path.Combine(_warehouse.Directory, "bang-dieu-khien");
        Directory.CreateDirectory(dashboards);
        await File.WriteAllTextAsync(Path.Combine(dashboards, "ten-don-vi.yaml"), """
            title: Tên đơn vị
            filters: [unit]
            defaultUnit: TNI.SYT
            panels:
              - title: Tên
                type: table
                sql: SELECT agency_name AS "Tên" FROM mart_agency WHERE agency_code = @unit
            """);
        _server = await RunningServer.StartAsync(_warehouse.Settings, config => config.Dashboards = dashboards, time: _time);
        _client = _server.Client();
        // The first answer gives the client its antiforgery cookie, and a response that sets a cookie is never kept.
        await NameShownAsync("TNI.SYT");
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
        await _warehouse.DisposeAsync();
    }

    [Fact]
    public async Task SecondRequest_IsServedFromTheCache_OtherFiltersAreOtherEntries()
    {
        Assert.Equal("Sở Y tế Tây Ninh", await NameShownAsync("TNI.SYT"));

        await RenameAsync("TNI.SYT", "Tên mới Y tế");
        await RenameAsync("TNI.SNV", "Tên mới Nội vụ");

        Assert.Equal("Sở Y tế Tây Ninh", await NameShownAsync("TNI.SYT"));
        Assert.Equal("Tên mới Nội vụ", await NameShownAsync("TNI.SNV"));
    }

    [Fact]
    public async Task CommittedLoadOrBuild_NewVersion_MakesThePageAgain()
    {
        await NameShownAsync("TNI.SYT");
        var ingest = new IngestService(_warehouse.Database, ReferenceFiles.Default());
        var samples = ReferenceFiles.Default().PathOf("samples/onestop.csv");

        await RenameAsync("TNI.SYT", "Sau lần nạp");
        await ingest.IngestFileAsync(SourceKind.Onestop, samples, new DateTime(2026, 11, 20, 17, 0, 0));
        var afterLoad = await NameShownAsync("TNI.SYT");
        await RenameAsync("TNI.SYT", "Sau lần dựng");
        var cachedAfterLoad = await NameShownAsync("TNI.SYT");
        await new BuildService(_warehouse.Database, ReferenceFiles.Default()).BuildAsync(new BuildRequest(All: true));
        var afterBuild = await NameShownAsync("TNI.SYT");

        Assert.Equal("Sau lần nạp", afterLoad);
        Assert.Equal("Sau lần nạp", cachedAfterLoad);
        Assert.Equal("Sau lần dựng", afterBuild);
    }

    [Fact]
    public async Task DayKey_IsTheDataClocksDay_NotTheHostsLocalDay()
    {
        await NameShownAsync("TNI.SYT");
        await RenameAsync("TNI.SYT", "Ngày mới");

        _time.Advance(TimeSpan.FromMinutes(20));
        var sameDataDay = await NameShownAsync("TNI.SYT");
        // 00:30 on 21/11 in Vietnam; the fake clock's local (UTC) day is still 20/11.
        _time.Advance(TimeSpan.FromMinutes(40));
        var nextDataDay = await NameShownAsync("TNI.SYT");

        Assert.Equal("Sở Y tế Tây Ninh", sameDataDay);
        Assert.Equal("Ngày mới", nextDataDay);
    }

    private async Task<string> NameShownAsync(string unit)
    {
        var html = await _client.GetStringAsync($"dashboards/ten-don-vi?unit={unit}");
        var cell = FirstCell().Match(html);
        Assert.True(cell.Success, html);
        return System.Net.WebUtility.HtmlDecode(cell.Groups["name"].Value).Trim();
    }

    private async Task RenameAsync(string unit, string name)
    {
        await using var c = await _warehouse.OpenAsync();
        await c.ExecuteAsync("UPDATE dim_agency SET agency_name = @name WHERE agency_code = @unit", new { name, unit });
    }

    [GeneratedRegex("<td[^>]*>(?<name>[^<]*)</td>")]
    private static partial Regex FirstCell();
}
