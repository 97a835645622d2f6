using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Server;
using IndicatorWarehouse.Server.Access;
using IndicatorWarehouse.Server.Configuration;
using Microsoft.AspNetCore.Builder;

namespace IndicatorWarehouse.Tests.Server.Support;

/// <summary>The real `iw serve` host (Kestrel on 127.0.0.1, a free port) over a warehouse, with an analyst and an admin,
/// and clients that keep cookies (for the antiforgery token) and sign in with Basic credentials. Its clock is the
/// system's unless a test passes one it moves.</summary>
public sealed partial class RunningServer : IAsyncDisposable
{
    public const string AnalystName = "lan", AdminName = "minh", Password = "mật-khẩu-thử";
    private readonly WebApplication _app;

    private RunningServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<RunningServer> StartAsync(WarehouseSettings warehouse, Action<ServeConfig>? configure = null,
        Func<ServeConfig, IndicatorWarehouse.Server.Scorecards.IScorecardDocuments>? scorecards = null, TimeProvider? time = null)
    {
        var hash = PasswordHash.Create(Password);
        var config = new ServeConfig
        {
            Output = Path.Combine(Path.GetTempPath(), "iw-reports-" + Guid.NewGuid().ToString("N")[..8]),
            Access = new AccessConfig
            {
                Users =
                [
                    new UserConfig { Name = AnalystName, Role = Roles.Analyst, PasswordHash = hash },
                    new UserConfig { Name = AdminName, Role = Roles.Admin, PasswordHash = hash },
                ],
            },
            Sources = [new SourceConfig { Name = "mot-cua", Kind = "onestop", Folder = Path.Combine(Path.GetTempPath(), "iw-drop-" + Guid.NewGuid().ToString("N")[..8]) }],
        };
        configure?.Invoke(config);
        var app = ServerHost.Build(new ServeOptions(warehouse, config, ["http://127.0.0.1:0"])
        {
            Scorecards = scorecards?.Invoke(config), Clock = time ?? TimeProvider.System,
        });
        await app.StartAsync();
        return new RunningServer(app, new Uri(app.Urls.First() + "/"));
    }

    /// <summary>A client with its own cookie jar; signed in as <paramref name="user"/> when one is given.</summary>
    public HttpClient Client(string? user = null)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Address };
        if (user is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{Password}")));
        return client;
    }

    /// <summary>Loads a page and posts a form as the browser would: with the antiforgery field the page carried.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageWithForm, string action, params (string Name, string Value)[] fields) =>
        PostFormAsync(client, pageWithForm, action, fields, CancellationToken.None);

    /// <summary>The same, for a client that may give up (<paramref name="ct"/>) while the answer is being made.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageWithForm, string action, (string Name, string Value) field1,
        (string Name, string Value) field2, CancellationToken ct) => PostFormAsync(client, pageWithForm, action, [field1, field2], ct);

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageWithForm, string action,
        (string Name, string Value)[] fields, CancellationToken ct)
    {
        var page = await client.GetStringAsync(pageWithForm, ct);
        var token = AntiforgeryField().Match(page);
        Assert.True(token.Success, $"{pageWithForm} carries no antiforgery field");
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new(WebUtility.HtmlDecode(token.Groups["name"].Value), WebUtility.HtmlDecode(token.Groups["value"].Value)));
        return await client.PostAsync(action, new FormUrlEncodedContent(form), ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
