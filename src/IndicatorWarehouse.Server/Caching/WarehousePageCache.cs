using System.Globalization;
using IndicatorWarehouse.Server.Dashboards;
using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Queries;
using Microsoft.AspNetCore.OutputCaching;

namespace IndicatorWarehouse.Server.Caching;

/// <summary>Dashboard and report pages served from ASP.NET Core's output cache. Their figures change only when a load, a
/// revert or a build commits, so a page is kept under its path and query, the warehouse's version
/// (<see cref="DashboardQueries.VersionAsync"/>, one cheap read), the signed-in user (the layout names them), the day on
/// the data's clock (a page without a period shows the current one; the host's zone need not be the data's) and the
/// dashboard files' last change (they are edited live). Requests for a page being made wait for it instead of making
/// it again.</summary>
public sealed class WarehousePageCache : IOutputCachePolicy
{
    public const string PolicyName = "warehouse-pages";
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    public static void AddTo(IServiceCollection services) => services.AddOutputCache(options =>
    {
        options.SizeLimit = 256L * 1024 * 1024;
        options.AddPolicy(PolicyName, new WarehousePageCache());
    });

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var cacheable = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.CacheVaryByRules.QueryKeys = "*";
        if (!cacheable) return;
        var services = http.RequestServices;
        var rules = context.CacheVaryByRules.VaryByValues;
        var database = services.GetRequiredService<WarehouseDatabase>();
        rules["warehouse"] = await new DashboardQueries(database).VersionAsync(ct);
        rules["user"] = http.User.Identity?.Name ?? "";
        rules["day"] = database.Clock.Today.ToString("O", CultureInfo.InvariantCulture);
        rules["files"] = FilesChanged(services.GetRequiredService<DashboardCatalog>().Folder);
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken ct) => ValueTask.CompletedTask;

    /// <summary>Only a whole page is kept: not an error, nor a response that sets a cookie.</summary>
    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken ct)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0) context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }

    /// <summary>Keeps this response out of the cache (a page made for one request only, such as one with a form token).</summary>
    public static void KeepOut(HttpContext http)
    {
        if (http.Features.Get<IOutputCacheFeature>() is { } cache) cache.Context.AllowCacheStorage = false;
    }

    private static string FilesChanged(string folder) => Directory.Exists(folder)
        ? Directory.EnumerateFiles(folder).Select(File.GetLastWriteTimeUtc).Append(Directory.GetLastWriteTimeUtc(folder)).Max()
            .Ticks.ToString(CultureInfo.InvariantCulture)
        : "";
}
