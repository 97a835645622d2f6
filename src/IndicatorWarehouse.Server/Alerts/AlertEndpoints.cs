using IndicatorWarehouse.Application.Alerts;
using IndicatorWarehouse.Server.Access;
using IndicatorWarehouse.Server.Pages;

namespace IndicatorWarehouse.Server.Alerts;

/// <summary>GET /alerts: today's alerts, as the digest would send them.</summary>
public static class AlertEndpoints
{
    public static void MapAlerts(this IEndpointRouteBuilder app) =>
        app.MapGet("/alerts", async (HttpContext http, AlertService alerts, Configuration.AlertsConfig config, Domain.Calendar.DataClock clock, CancellationToken ct) =>
        {
            var list = await alerts.ForAsync(clock.Now, AlertsWork.Rules(config), ct);
            return await PageResults.HtmlAsync<AlertsPage>(http, new() { ["Alerts"] = list });
        }).RequireAuthorization(Roles.ViewPolicy);
}
