using System.Net;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Reporting.Html;
using IndicatorWarehouse.Application.Alerts;
using IndicatorWarehouse.Server.Access;
using IndicatorWarehouse.Server.Alerts;
using IndicatorWarehouse.Server.Archive;
using IndicatorWarehouse.Server.Caching;
using IndicatorWarehouse.Server.Configuration;
using IndicatorWarehouse.Server.Dashboards;
using IndicatorWarehouse.Server.DrillDown;
using IndicatorWarehouse.Server.Errors;
using IndicatorWarehouse.Server.Health;
using IndicatorWarehouse.Server.Jobs;
using IndicatorWarehouse.Server.Pages;
using IndicatorWarehouse.Server.Scorecards;
using IndicatorWarehouse.Server.Sql;
using IndicatorWarehouse.Warehouse;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Hangfire;

namespace IndicatorWarehouse.Server;

/// <summary>Composes `iw serve`: Kestrel with the dashboards, jobs, SQL and report pages, and the jobs on Hangfire (its
/// server a hosted service of the same process, its dashboard at /hangfire).</summary>
public static class ServerHost
{
    public static WebApplication Build(ServeOptions options)
    {
        var config = options.Config;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls([.. options.Urls]);
        // Started by the Windows Service Control Manager or by systemd (Type=notify), the server reports its start and
        // stop to it and logs to its log; started any other way, both do nothing.
        builder.Services.AddWindowsService(service => service.ServiceName = "iw-serve");
        builder.Services.AddSystemd();

        var services = builder.Services;
        var database = options.Warehouse.Open(options.Clock);
        var http = new HttpClient();
        var catalog = JobCatalog.From(config, database, options.Reference, options.Scorecards, http);
        services.AddSingleton(database);
        services.AddSingleton(options.Reference);
        services.AddSingleton(options.Clock);
        services.AddSingleton(database.Clock);
        services.AddSingleton(config.Access);
        services.AddSingleton(config.Alerts);
        services.AddSingleton(config.Sql);
        services.AddSingleton(new AlertService(database, options.Reference));
        services.AddSingleton(new ScorecardSlot(options.Scorecards));
        services.AddSingleton(new DashboardCatalog(ServeConfigFile.DashboardsFolder(config)));
        services.AddSingleton(catalog);
        services.AddSingleton(http);
        services.AddSingleton(sp => new JobRunner(database, new JobRetry(config.Retry, database.Dialect),
            TimeSpan.FromMinutes(config.LeaseMinutes), JobRunner.ThisProcess(), sp.GetRequiredService<ILogger<JobRunner>>()));
        var node = options.Scheduler with { TimeZone = options.TimeZone };
        var store = new JobStore(database, node);
        services.AddSingleton(node);
        services.AddSingleton(store);
        // What Hangfire's dashboard asks of the container; not AddHangfire, which would tie Hangfire's global log to this app.
        services.AddSingleton(_ => GlobalConfiguration.Configuration);
        services.AddSingleton(Hangfire.Dashboard.DashboardRoutes.Routes);
        services.AddSingleton<JobScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<JobScheduler>());
        services.AddSingleton<HtmlRenderService>();
        services.AddSingleton<VerifiedCredentials>();
        services.AddSingleton<SignInThrottle>();
        services.AddAntiforgery();
        WarehousePageCache.AddTo(services);
        services.AddSingleton<AntiforgeryCheck>();
        AddAccess(services, config.Access);
        services.Configure<ForwardedHeadersOptions>(forwarded => Trust(forwarded, config.Proxy));

        var app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ErrorPages.UnhandledAsync });
        app.UseStatusCodePages(ErrorPages.StatusAsync);
        // The warehouse is in use for as long as the server runs: `iw restore` refuses meanwhile.
        var inUse = database.Dialect.HoldInUse(database.ConnectionString);
        app.Lifetime.ApplicationStopped.Register(inUse.Dispose);
        app.UseForwardedHeaders();
        app.UseBusyWarehousePage();
        if (config.Proxy.PathBase is { } pathBase) app.UsePathBase(pathBase);
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache();
        app.MapHealth();
        app.MapDashboards();
        app.MapReports();
        app.MapJobs();
        app.MapHangfire(store.Storage, config.Proxy.PathBase);
        app.MapSql();
        app.MapDrillDown();
        app.MapAlerts();
        app.MapArchive();
        app.MapGet("/login", () => Results.Redirect("./")).RequireAuthorization(Roles.AnalystPolicy);
        return app;
    }

    /// <summary>Fails with a message a person can act on when the warehouse is missing or has no job tables yet
    /// (the leases come with migration 006).</summary>
    public static async Task EnsureWarehouseReadyAsync(WarehouseDatabase database, CancellationToken ct = default)
    {
        try
        {
            await new Warehouse.Queries.AdHocQuery(database).RunAsync("SELECT COUNT(*) FROM etl_job_lease", ct: ct);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException)
        {
            throw new InvalidOperationException($"The warehouse is not ready for `iw serve` ({e.Message}); run `iw init` first.", e);
        }
    }

    private static void AddAccess(IServiceCollection services, AccessConfig access)
    {
        services.AddAuthentication(BasicAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BasicAuthenticationHandler>(BasicAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(policies =>
        {
            policies.AddPolicy(Roles.ViewPolicy, p =>
            {
                if (access.AnonymousDashboards) p.RequireAssertion(_ => true);
                else p.RequireAuthenticatedUser();
            });
            policies.AddPolicy(Roles.AnalystPolicy, p => p.RequireRole(Roles.Analyst, Roles.Admin));
            policies.AddPolicy(Roles.AdminPolicy, p => p.RequireRole(Roles.Admin));
        });
    }

    /// <summary>Believes X-Forwarded-For and -Proto only from the proxies the configuration names (loopback otherwise),
    /// so a client cannot pretend to come from elsewhere or over TLS.</summary>
    private static void Trust(ForwardedHeadersOptions forwarded, ProxyConfig proxy)
    {
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        foreach (var address in proxy.KnownProxies) forwarded.KnownProxies.Add(IPAddress.Parse(address));
        foreach (var network in proxy.KnownNetworks) forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
    }
}
