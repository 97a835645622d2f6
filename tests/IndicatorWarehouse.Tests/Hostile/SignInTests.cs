using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using IndicatorWarehouse.Tests.Server.Support;
using IndicatorWarehouse.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace IndicatorWarehouse.Tests.Hostile;

/// <summary>Issue 17, point 7, on a real `iw serve`: guessing is slowed per user with growing delays, an unknown user
/// costs the same work as a known one, and `hash-password` refuses a short password.</summary>
public sealed class SignInTests
{
    private static HttpClient As(RunningServer server, string user, string password)
    {
        var client = server.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return client;
    }

    [Fact]
    public async Task Point7_RepeatedWrongPasswords_AreThrottledWithGrowingDelays_ThenTheRightOneWorksAgain()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        // The throttle's clock stands still while the attempts run (each pays a PBKDF2 verification, over a second on a
        // busy machine), and moves only when the test says so.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        await using var server = await RunningServer.StartAsync(w.Settings, time: time);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add((await As(server, RunningServer.AdminName, "sai-" + i).GetAsync("sql")).StatusCode);
        var rightTooSoon = await As(server, RunningServer.AdminName, RunningServer.Password).GetAsync("sql");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, rightTooSoon.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), rightTooSoon.Headers.RetryAfter?.Delta);
        time.Advance(TimeSpan.FromMilliseconds(1_100));
        Assert.Equal(HttpStatusCode.OK, (await As(server, RunningServer.AdminName, RunningServer.Password).GetAsync("sql")).StatusCode);
    }

    [Fact]
    public async Task Point7_UnknownAndKnownUsers_TakeComparableTime()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        await using var server = await RunningServer.StartAsync(w.Settings);

        async Task<double> MedianMs(Func<int, string> user)
        {
            var times = new List<double>();
            for (var i = 0; i < 3; i++)
            {
                var clock = Stopwatch.StartNew();
                Assert.Equal(HttpStatusCode.Unauthorized, (await As(server, user(i), "sai-mat-khau").GetAsync("sql")).StatusCode);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            return times.Order().ElementAt(1);
        }
        var known = await MedianMs(_ => RunningServer.AnalystName);
        var unknown = await MedianMs(i => "khong-co-" + i);

        // Before: 50 ms against 1.3 ms. Both now pay one PBKDF2 verification (shared machine: a wide margin).
        Assert.True(unknown > known / 4, $"known {known:0.0} ms, unknown {unknown:0.0} ms");
    }

    [Fact]
    public async Task Point7_HashPassword_RefusesAShortPassword()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "iw.dll"), "serve", "hash-password" }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync("a");
        process.StandardInput.Close();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("Mật khẩu phải có ít nhất 10 ký tự", stderr);
    }
}
