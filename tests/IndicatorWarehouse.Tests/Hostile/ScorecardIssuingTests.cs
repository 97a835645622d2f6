using System.Net;
using Dapper;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Server.Scorecards;
using IndicatorWarehouse.Tests.Server.Support;

namespace IndicatorWarehouse.Tests.Hostile;

/// <summary>Issue 17, points 2 and 8, on a real `iw serve` with the real scorecard service (Chromium) over a built
/// province: reading never issues; an administrator's POST with the antiforgery token does, and the archive says who.</summary>
public sealed class ScorecardIssuingTests(ProvinceWarehouse province) : IClassFixture<ProvinceWarehouse>
{
    private Task<RunningServer> StartAsync() => RunningServer.StartAsync(province.Warehouse.Settings,
        scorecards: config => new ScorecardDocuments(province.Warehouse.Settings.Open(), ReferenceFiles.Default(), config.Output));

    private async Task<List<(string By, int Revision)>> IssuesAsync()
    {
        await using var c = await province.Warehouse.OpenAsync();
        return (await c.QueryAsync<(string, int)>(
            "SELECT issued_by, revision_no FROM etl_issued_report WHERE kind = 'scorecard' AND scope_code = 'TNI.SYT' AND period_code = '2026-09' ORDER BY report_id")).ToList();
    }

    [Fact]
    public async Task Point2_GetShowsAPreviewAndIssuesNothing_AnAdminPostIssuesAndIsRecorded()
    {
        await using var server = await StartAsync();
        var before = await IssuesAsync();

        var preview = await server.Client(RunningServer.AnalystName).GetAsync("scorecards/TNI.SYT/2026-09.pdf");
        var page = await server.Client(RunningServer.AnalystName).GetStringAsync("scorecards/TNI.SYT/2026-09");

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("application/pdf", preview.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await IssuesAsync());

        var analystPost = await RunningServer.PostFormAsync(server.Client(RunningServer.AnalystName), "sql", "scorecards/TNI.SYT/2026-09/issue");
        Assert.Equal(HttpStatusCode.Forbidden, analystPost.StatusCode);
        var noToken = await server.Client(RunningServer.AdminName).PostAsync("scorecards/TNI.SYT/2026-09/issue", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(before, await IssuesAsync());

        var issued = await RunningServer.PostFormAsync(server.Client(RunningServer.AdminName), "sql", "scorecards/TNI.SYT/2026-09/issue");

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.Equal($"{RunningServer.AdminName} (iw serve)", (await IssuesAsync()).Last().By);
    }

    [Fact]
    public async Task Point2_IssueButton_OnlyAnAdministratorSeesIt_AndItsFormIssuesInTheirName()
    {
        await using var server = await StartAsync();
        var before = await IssuesAsync();
        const string page = "scorecards/TNI.SYT/2026-09", action = "/scorecards/TNI.SYT/2026-09/issue";

        var anonymousPage = await server.Client().GetStringAsync(page);
        var analystPage = await server.Client(RunningServer.AnalystName).GetStringAsync(page);
        var anonymousPost = await server.Client().PostAsync(action, new FormUrlEncodedContent([]));
        var adminPage = await server.Client(RunningServer.AdminName).GetStringAsync(page);

        Assert.DoesNotContain(">Phát hành</button>", anonymousPage);
        Assert.DoesNotContain(">Phát hành</button>", analystPage);
        Assert.DoesNotContain(action, anonymousPage + analystPage);
        Assert.Contains(anonymousPost.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        Assert.Equal(before, await IssuesAsync());
        Assert.Contains($"<form method=\"post\" action=\"{action}\"", adminPage);
        Assert.Contains(">Phát hành</button>", adminPage);

        // The form's own page gives the token, as the administrator's browser would post it.
        var issued = await RunningServer.PostFormAsync(server.Client(RunningServer.AdminName), page, action);

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.Equal("application/pdf", issued.Content.Headers.ContentType?.MediaType);
        var after = await IssuesAsync();
        Assert.Equal(before.Count + 1, after.Count);
        Assert.Equal($"{RunningServer.AdminName} (iw serve)", after[^1].By);
    }

    [Theory]
    [InlineData("scorecards/TNI.SYT/2026-13.pdf", HttpStatusCode.BadRequest)]
    [InlineData("scorecards/TNI.SYT/khong-phai-thang", HttpStatusCode.BadRequest)]
    [InlineData("scorecards/TNI.KHONGCO/2026-09.pdf", HttpStatusCode.NotFound)]
    [InlineData("scorecards/..%2F..%2Fetc/2026-09", HttpStatusCode.NotFound)]
    public async Task Point8_BadScorecardUrls_Answer400Or404InVietnamese(string url, HttpStatusCode expected)
    {
        await using var server = await StartAsync();

        var response = await server.Client(RunningServer.AnalystName).GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Exception", text);
        Assert.DoesNotContain(Path.GetTempPath(), text);
    }
}
