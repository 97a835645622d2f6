using System.Net;
using System.Text.Json;
using IndicatorWarehouse.Ingestion;
using IndicatorWarehouse.Ingestion.Http;
using IndicatorWarehouse.Tests.Ingestion.Support;

namespace IndicatorWarehouse.Tests.Ingestion.Http;

public sealed class HttpSnapshotFetcherTests : IDisposable
{
    private const string ApiKey = "khoa-bi-mat-123";
    private static readonly DateTime AsOf = new(2026, 10, 31, 17, 0, 0);
    private readonly TempFolder _drop = new();
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(20) };

    /// <summary>Five dossiers in the national portal's sync shape, from the shipped sample.</summary>
    private static readonly JsonElement[] Dossiers =
        JsonDocument.Parse(File.ReadAllText(Reference.Sample("dvcqg-sync.json"))).RootElement.EnumerateArray().Take(5).ToArray();

    private static (int, string) Authorized(HttpListenerRequest request, Func<(int, string)> answer) =>
        request.Headers["X-Api-Key"] == ApiKey ? answer() : (401, """{"error":"unauthorized"}""");

    private static (int, string) PageByNumber(HttpListenerRequest request)
    {
        var page = int.Parse(request.QueryString["trang"]!);
        var size = int.Parse(request.QueryString["so_ban_ghi"]!);
        return (200, JsonSerializer.Serialize(new { data = Dossiers.Skip((page - 1) * size).Take(size), tong = Dossiers.Length }));
    }

    private static HttpSourceOptions Numbered(Uri baseUrl, string key = ApiKey, int maxPages = 10) => new(new Uri(baseUrl, "api/hoso?tinh=TNI"))
    {
        Name = "dvcqg",
        AuthHeaderName = "X-Api-Key",
        AuthHeaderValue = key,
        ItemsField = "data",
        Paging = new HttpPaging.ByPageNumber("trang", "so_ban_ghi", PageSize: 2),
        MaxPages = maxPages,
    };

    [Fact]
    public async Task FetchToFile_ThreeNumberedPages_OneArrayThatTheProfileReads()
    {
        await using var server = new LocalJsonServer(r => Authorized(r, () => PageByNumber(r)));
        var clock = new FixedClock(new DateTimeOffset(2026, 10, 31, 17, 5, 0, TimeSpan.FromHours(7)));

        var path = await new HttpSnapshotFetcher(_client, clock).FetchToFileAsync(Numbered(server.BaseUrl), _drop.Path);

        Assert.Equal(Path.Combine(_drop.Path, "dvcqg-20261031-170500.json"), path);
        Assert.Equal(["/api/hoso?tinh=TNI&trang=1&so_ban_ghi=2", "/api/hoso?tinh=TNI&trang=2&so_ban_ghi=2", "/api/hoso?tinh=TNI&trang=3&so_ban_ghi=2"],
            server.Requests);
        Assert.Equal([path], Directory.GetFiles(_drop.Path));
        var outcomes = SourceFileReader.ReadDossiers(path, Reference.Profiles.Get("dvcqg-sync"), AsOf).ToList();
        Assert.All(outcomes, o => Assert.True(o.IsValid, o.Problem?.Reason));
        Assert.Equal(Dossiers.Select(d => d.GetProperty("MaHoSo").GetString()), outcomes.Select(o => o.Record!.DossierCode));
        Assert.Equal([1, 2, 3, 4, 5], outcomes.Select(o => o.Line));
    }

    [Fact]
    public async Task FetchToFile_NextLinks_FollowsThemUntilNoneIsGiven()
    {
        await using var server = new LocalJsonServer(r => Authorized(r, () =>
        {
            var from = int.Parse(r.QueryString["tu"] ?? "0");
            var next = from + 2 < Dossiers.Length ? $"/api/hoso-tiep?tu={from + 2}" : null;
            return (200, JsonSerializer.Serialize(new { items = Dossiers.Skip(from).Take(2), next }));
        }));
        var options = new HttpSourceOptions(new Uri(server.BaseUrl, "api/hoso-tiep"))
        {
            AuthHeaderName = "X-Api-Key", AuthHeaderValue = ApiKey, ItemsField = "items", Paging = new HttpPaging.ByNextLink(),
        };

        var path = await new HttpSnapshotFetcher(_client).FetchToFileAsync(options, _drop.Path);

        Assert.Equal(3, server.Requests.Count);
        using var written = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal(5, written.RootElement.GetArrayLength());
        Assert.Equal("Sở Y tế Tây Ninh", written.RootElement[0].GetProperty("TenDonViXuLy").GetString());
    }

    [Fact]
    public async Task FetchToFile_WrongAuthHeader_401ReportedClearlyAndNothingWritten()
    {
        await using var server = new LocalJsonServer(r => Authorized(r, () => PageByNumber(r)));

        var e = await Assert.ThrowsAsync<HttpSourceException>(() =>
            new HttpSnapshotFetcher(_client).FetchToFileAsync(Numbered(server.BaseUrl, key: "sai-khoa"), _drop.Path));

        Assert.Contains("nguồn từ chối thông tin xác thực (HTTP 401); kiểm tra tiêu đề xác thực trong cấu hình / "
            + "the source refused the credentials (HTTP 401 Unauthorized)", e.Message);
        Assert.Contains("'X-Api-Key'", e.Message);
        Assert.Empty(Directory.GetFiles(_drop.Path));
    }

    [Fact]
    public async Task FetchToFile_MorePagesThanAllowed_FailsAndWritesNothing()
    {
        await using var server = new LocalJsonServer(r => Authorized(r, () => PageByNumber(r)));

        var e = await Assert.ThrowsAsync<HttpSourceException>(() =>
            new HttpSnapshotFetcher(_client).FetchToFileAsync(Numbered(server.BaseUrl, maxPages: 2), _drop.Path));

        Assert.Contains("more than 2 pages", e.Message);
        Assert.Empty(Directory.GetFiles(_drop.Path));
    }

    [Fact]
    public async Task FetchToFile_ExactlyAsManyFullPagesAsAllowed_Succeeds()
    {
        await using var server = new LocalJsonServer(r => Authorized(r, () => PageByNumber(r)));
        var options = Numbered(server.BaseUrl, maxPages: 1) with { Paging = new HttpPaging.ByPageNumber("trang", "so_ban_ghi", PageSize: 5) };

        var path = await new HttpSnapshotFetcher(_client).FetchToFileAsync(options, _drop.Path);

        Assert.Equal(5, JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetArrayLength());
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task FetchToFile_ServerErrorOrNonJson_ClearError()
    {
        await using var failing = new LocalJsonServer(_ => (500, "{}"));
        await using var html = new LocalJsonServer(_ => (200, "<html>Bảo trì hệ thống</html>"));
        var fetcher = new HttpSnapshotFetcher(_client);

        var e500 = await Assert.ThrowsAsync<HttpSourceException>(() => fetcher.FetchToFileAsync(new(failing.BaseUrl), _drop.Path));
        var eHtml = await Assert.ThrowsAsync<HttpSourceException>(() => fetcher.FetchToFileAsync(new(html.BaseUrl), _drop.Path));

        Assert.Contains("HTTP 500", e500.Message);
        Assert.Contains("trang 1 không phải JSON hợp lệ / page 1 is not JSON", eHtml.Message);
        Assert.Empty(Directory.GetFiles(_drop.Path));
    }

    public void Dispose()
    {
        _client.Dispose();
        _drop.Dispose();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.CreateCustomTimeZone("ICT", now.Offset, "ICT", "ICT");
    }
}
