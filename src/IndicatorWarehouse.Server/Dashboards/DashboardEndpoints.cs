using System.Data.Common;
using IndicatorWarehouse.Application.Index766;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Domain.Periods;
using IndicatorWarehouse.Server.Access;
using IndicatorWarehouse.Server.Pages;
using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Dialects;
using IndicatorWarehouse.Warehouse.Queries;

namespace IndicatorWarehouse.Server.Dashboards;

/// <summary><c>GET /</c>, the dashboard index, and <c>GET /dashboards/{slug}</c>, one dashboard with its filters.</summary>
public static class DashboardEndpoints
{
    public static void MapDashboards(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").RequireAuthorization(Roles.ViewPolicy).CacheOutput(Caching.WarehousePageCache.PolicyName);
        group.MapGet("/", Index);
        group.MapGet("/dashboards/{slug}", Show);
    }

    private static Task<IResult> Index(HttpContext http, DashboardCatalog catalog) =>
        PageResults.HtmlAsync<DashboardIndexPage>(http, new() { ["Entries"] = catalog.All(), ["Folder"] = catalog.Folder });

    private static async Task<IResult> Show(string slug, string? unit, string? from, string? to, HttpContext http,
        DashboardCatalog catalog, WarehouseDatabase database, ReferenceFiles reference, CancellationToken ct)
    {
        if (catalog.Find(slug) is not { } entry)
            return await PageResults.MessageAsync(http, "Không tìm thấy", $"Không có bảng điều khiển '{slug}'.", StatusCodes.Status404NotFound);
        if (entry.Dashboard is not { } dashboard)
        {
            // The file's path and the parser's words are for the administrator, in the log; the page gives the reference.
            var errorReference = ErrorPages.NewReference();
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("IndicatorWarehouse.Dashboards")
                .LogError("Tệp bảng điều khiển {Path} có lỗi: {Error} (mã tham chiếu {Reference})", entry.Path, entry.Error, errorReference);
            return await PageResults.MessageAsync(http, "Tệp bảng điều khiển có lỗi (500)",
                $"Bảng điều khiển '{slug}' chưa đọc được. Hãy báo quản trị viên mã tham chiếu {errorReference}.", StatusCodes.Status500InternalServerError);
        }

        var queries = new DashboardQueries(database);
        var units = await queries.UnitsAsync(ct);
        DashboardFilter filter;
        try
        {
            filter = DashboardFilter.Resolve(dashboard, unit, from, to, units, await queries.LatestMonthAsync(ct), database.Clock.Today);
        }
        catch (ArgumentException e)
        {
            return await PageResults.MessageAsync(http, "Bộ lọc không hợp lệ", e.Message, StatusCodes.Status400BadRequest);
        }

        string? provisional;
        await using (var c = await database.OpenReadOnlyAsync(ct))
            provisional = Provisional.Mark(filter.LastDay, await SnapshotQueries.DataAsOfAsync(c));
        var query = new AdHocQuery(database);
        var levers = new UnitLevers(database, reference);
        // Panels are independent reads on their own read-only connections: run together, the page costs its slowest panel.
        var panels = await Task.WhenAll(dashboard.Panels.Select(spec => spec.RunsSql
            ? PanelAsync(query, spec, filter, ct)
            : LeversAsync(levers, spec, filter, provisional, ct)));
        return await PageResults.HtmlAsync<DashboardPage>(http, new()
        {
            ["Slug"] = slug, ["Dashboard"] = dashboard, ["Filter"] = filter, ["Units"] = units, ["Panels"] = panels, ["Provisional"] = provisional,
        });
    }

    /// <summary>The unit's levers in the filter's last month for its 766 groups below target, as its scorecard lists them.</summary>
    private static async Task<PanelView> LeversAsync(UnitLevers levers, PanelSpec spec, DashboardFilter filter, string? provisional,
        CancellationToken ct)
    {
        if (filter.Unit is null) return new PanelView(spec, Error: "Chọn một đơn vị để xem bảng này.");
        try
        {
            var found = await levers.BelowTargetAsync(filter.Unit, filter.ToMonth, ct);
            return new PanelView(spec, Levers: [.. found.Select(l => l.ToLine())], Provisional: provisional);
        }
        catch (DbException e)
        {
            return new PanelView(spec, Error: "Lỗi truy vấn của bảng này: " + e.Message);
        }
    }

    private static async Task<PanelView> PanelAsync(AdHocQuery query, PanelSpec spec, DashboardFilter filter, CancellationToken ct)
    {
        try
        {
            return PanelBuilder.Build(spec, await query.RunAsync(spec.Sql, filter.Parameters, spec.MaxRows, ct));
        }
        catch (Exception e) when (e is DbException or ReadOnlyViolationException or QueryLimitException)
        {
            return new PanelView(spec, Error: "Lỗi truy vấn của bảng này: " + e.Message);
        }
    }
}
