using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace IndicatorWarehouse.Benchmarks.Dashboards;

/// <summary>`dashboards --url http://127.0.0.1:5080 [--levels 1,20,50] [--requests 5] [--slugs a,b] [--cache warm,cold]`:
/// a bounded load test of a running `iw serve`. For each dashboard: one first request (cold when the server has just
/// started), then at each level that many visitors open the page <c>--requests</c> times each, one after another, all
/// at once: "warm", the same address every time (served from the page cache after the first), and "cold", each
/// request with a query parameter of its own that the page ignores but the cache keys on, so every request makes the
/// page (what visitors cost while nothing is cached, as right after a load or a build commits). Prints p50, p95, max
/// and errors per dashboard, cache and level as a Markdown table. Loopback addresses only: it is a tool for one's own
/// server, never a way to load someone else's.</summary>
public static class DashboardLoadRun
{
    private static readonly string[] DefaultSlugs = ["tong-quan-tinh", "don-vi", "xu-huong-lanh-dao", "chat-luong-du-lieu"];

    public static async Task<int> MainAsync(string[] args)
    {
        var url = new Uri(Option(args, "--url") ?? "http://127.0.0.1:5080/");
        if (!url.IsLoopback)
        {
            Console.Error.WriteLine($"{url}: only a server on this machine (127.0.0.1, ::1, localhost) may be load-tested.");
            return 2;
        }
        var levels = (Option(args, "--levels") ?? "1,20,50").Split(',').Select(int.Parse).ToArray();
        var requests = int.Parse(Option(args, "--requests") ?? "5", CultureInfo.InvariantCulture);
        var slugs = Option(args, "--slugs")?.Split(',') ?? DefaultSlugs;
        var caches = (Option(args, "--cache") ?? "warm,cold").Split(',');
        var uncached = 0;

        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = levels.Max() })
            { BaseAddress = url, Timeout = TimeSpan.FromMinutes(2) };
        Console.WriteLine("| dashboard | cache | visitors | requests | p50 ms | p95 ms | max ms | errors |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var slug in slugs)
        {
            var first = await TimeAsync(client, "dashboards/" + slug);
            Console.WriteLine($"| {slug} | first | 1 | 1 | {Ms(first.Ms)} | | | {(first.Ok ? 0 : 1)} |");
            foreach (var cache in caches)
            foreach (var level in levels)
            {
                string Address() => cache == "cold" ? $"dashboards/{slug}?lan={Interlocked.Increment(ref uncached)}" : "dashboards/" + slug;
                var samples = (await Task.WhenAll(Enumerable.Range(0, level).Select(async _ =>
                {
                    var mine = new List<(double Ms, bool Ok)>();
                    for (var i = 0; i < requests; i++) mine.Add(await TimeAsync(client, Address()));
                    return mine;
                }))).SelectMany(s => s).ToList();
                var times = samples.Select(s => s.Ms).Order().ToArray();
                Console.WriteLine($"| {slug} | {cache} | {level} | {times.Length} | {Ms(Percentile(times, 0.50))} | {Ms(Percentile(times, 0.95))} | " +
                                  $"{Ms(times[^1])} | {samples.Count(s => !s.Ok)} |");
            }
        }
        return 0;
    }

    private static async Task<(double Ms, bool Ok)> TimeAsync(HttpClient client, string address)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await client.GetAsync(address);
            await response.Content.ReadAsByteArrayAsync();
            return (clock.Elapsed.TotalMilliseconds, response.StatusCode == HttpStatusCode.OK);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (clock.Elapsed.TotalMilliseconds, false);
        }
    }

    // Nearest rank: the smallest sample at or above the share asked for.
    private static double Percentile(double[] sorted, double share) => sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Length) - 1)];

    private static string Ms(double ms) => ms.ToString("0", CultureInfo.InvariantCulture);

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
