using System.Net;
using Dapper;
using IndicatorWarehouse.Tests.Server.Support;

namespace IndicatorWarehouse.Tests.Server;

[Collection(ProvinceCollection.Name)]
public sealed class SqlPageTests(ProvinceWarehouse province) : IAsyncLifetime
{
    private RunningServer _server = default!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(province.Warehouse.Settings);
    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("DROP TABLE fact_dossier")]
    [InlineData("ATTACH DATABASE 'other.db' AS other")]
    [InlineData("PRAGMA writable_schema = 1")]
    [InlineData("SELECT 1; DELETE FROM fact_dossier")]
    [InlineData("SELECT 1; SELECT 2")]
    public async Task Post_StatementThatIsNotOneRead_IsRefusedAndChangesNothing(string sql)
    {
        var before = await DossiersAsync();

        var response = await RunningServer.PostFormAsync(_server.Client(RunningServer.AnalystName), "sql", "sql", ("sql", sql), ("limit", "100"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Bị từ chối", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await DossiersAsync());
    }

    [Fact]
    public async Task Post_Select_ShowsRowsUpToTheLimit()
    {
        var response = await RunningServer.PostFormAsync(_server.Client(RunningServer.AnalystName), "sql", "sql",
            ("sql", "SELECT agency_code, agency_name FROM mart_agency ORDER BY agency_code"), ("limit", "100"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<td>TNI.SYT</td>", html);
        Assert.Contains("(đã cắt bớt ở 100 dòng)", html);
    }

    [Fact]
    public async Task PostCsv_Select_DownloadsUtf8CsvOfTheResult()
    {
        var response = await RunningServer.PostFormAsync(_server.Client(RunningServer.AnalystName), "sql", "sql/csv",
            ("sql", "SELECT agency_code, agency_name FROM mart_agency WHERE agency_code = 'TNI.SYT'"), ("limit", "100"));

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var text = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        Assert.Equal(["agency_code,agency_name", "TNI.SYT,Sở Y tế Tây Ninh"], text.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public async Task Get_Anonymous_AsksForCredentials()
    {
        var response = await _server.Client().GetAsync("sql");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    private async Task<long> DossiersAsync()
    {
        await using var c = await province.Warehouse.OpenAsync();
        return await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM fact_dossier");
    }
}
