using IndicatorWarehouse.Server.Access;
using IndicatorWarehouse.Server.Pages;
using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Ledger;

namespace IndicatorWarehouse.Server.Jobs;

/// <summary><c>GET /jobs</c> for analysts; running, pausing and resuming a job (<c>POST /jobs/{name}/…</c>) for admins.</summary>
public static class JobEndpoints
{
    public static void MapJobs(this IEndpointRouteBuilder app)
    {
        app.MapGet("/jobs", Page).RequireAuthorization(Roles.AnalystPolicy);
        var control = app.MapGroup("/jobs/{name}").RequireAuthorization(Roles.AdminPolicy).AddEndpointFilter<AntiforgeryCheck>();
        control.MapPost("/run", Run);
        control.MapPost("/pause", Pause);
        control.MapPost("/resume", Resume);
    }

    private static async Task<IResult> Page(string? msg, HttpContext http, JobCatalog catalog, JobScheduler scheduler, SchedulerNode node,
        WarehouseDatabase database, CancellationToken ct)
    {
        var recent = await new RunLedger(database).RecentAsync(count: 200, ct: ct);
        var next = scheduler.NextFirings();
        var jobs = JobStatus.Of(catalog, recent, await new JobPauses(database).PausedAsync(ct), scheduler.Running(),
            name => next.GetValueOrDefault(name) is { } at ? TimeZoneInfo.ConvertTime(at, node.TimeZone) : null);
        return await PageResults.HtmlAsync<JobsPage>(http, new() { ["Jobs"] = jobs, ["Recent"] = recent.Take(50).ToList(), ["Flash"] = msg });
    }

    private static IResult Run(string name, HttpContext http, JobCatalog catalog, JobScheduler scheduler)
    {
        if (!Exists(catalog, name)) return Results.NotFound();
        scheduler.Trigger(name, "web:" + http.User.Identity!.Name);
        return Back($"Đã yêu cầu chạy {name}; kết quả sẽ hiện trong sổ khi chạy xong.");
    }

    private static async Task<IResult> Pause(string name, HttpContext http, JobCatalog catalog, WarehouseDatabase database, CancellationToken ct)
    {
        if (!Exists(catalog, name)) return Results.NotFound();
        await new JobPauses(database).PauseAsync(name, "web:" + http.User.Identity!.Name, ct);
        return Back($"Đã tạm dừng {name}.");
    }

    private static async Task<IResult> Resume(string name, JobCatalog catalog, WarehouseDatabase database, CancellationToken ct)
    {
        if (!Exists(catalog, name)) return Results.NotFound();
        await new JobPauses(database).ResumeAsync(name, ct);
        return Back($"Đã cho {name} chạy lại theo lịch.");
    }

    private static bool Exists(JobCatalog catalog, string name) => catalog.All.Any(j => j.Name == name);

    // Post/redirect/get: a reload of the jobs page does not post again. Relative, so it stays under the proxy's path base.
    private static IResult Back(string message) => Results.Redirect("../../jobs?msg=" + Uri.EscapeDataString(message));
}
