using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Queries;

namespace IndicatorWarehouse.Server.Health;

/// <summary><c>GET /health</c>: 200 when the warehouse answers a query, 503 otherwise; open to anyone, for the proxy
/// and the monitoring that sit in front of the app.</summary>
public static class HealthEndpoints
{
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", async (WarehouseDatabase database, CancellationToken ct) =>
            await new DashboardQueries(database).IsReachableAsync(ct)
                ? Results.Json(new { status = "ok" })
                : Results.Json(new { status = "warehouse unreachable" }, statusCode: StatusCodes.Status503ServiceUnavailable))
            .AllowAnonymous();
}
