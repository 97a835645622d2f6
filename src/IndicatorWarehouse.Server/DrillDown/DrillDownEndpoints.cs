using IndicatorWarehouse.Application.Files;
using IndicatorWarehouse.Application.DrillDown;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Server.Access;
using IndicatorWarehouse.Server.Pages;
using IndicatorWarehouse.Warehouse;

namespace IndicatorWarehouse.Server.DrillDown;

/// <summary>From a figure to the dossiers (or PAKN) behind it: <c>/drilldown?unit=&amp;period=&amp;indicator=</c> as a page,
/// <c>/drilldown.xlsx</c> as the worksheet staff work through.</summary>
public static class DrillDownEndpoints
{
    public static void MapDrillDown(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").RequireAuthorization(Roles.ViewPolicy);
        group.MapGet("/drilldown", Page);
        group.MapGet("/drilldown.xlsx", Xlsx);
    }

    /// <summary>The link a dashboard or scorecard puts on a figure.</summary>
    public static string Link(string unit, string period, string indicator) =>
        $"drilldown?unit={Uri.EscapeDataString(unit)}&period={Uri.EscapeDataString(period)}&indicator={Uri.EscapeDataString(indicator)}";

    private static async Task<IResult> Page(string unit, string period, string indicator, HttpContext http, WarehouseDatabase database,
        ReferenceFiles reference, CancellationToken ct)
    {
        try
        {
            var drill = await new DrillDownService(database, reference).ForAsync(unit, period, indicator, ct);
            return await PageResults.HtmlAsync<DrillDownPage>(http, new() { ["Drill"] = drill, ["XlsxLink"] = Link(unit, period, indicator).Replace("drilldown?", "drilldown.xlsx?") });
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            return await PageResults.MessageAsync(http, "Không xem được chi tiết", e.Message, StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<IResult> Xlsx(string unit, string period, string indicator, WarehouseDatabase database,
        ReferenceFiles reference, CancellationToken ct)
    {
        try
        {
            var drill = await new DrillDownService(database, reference).ForAsync(unit, period, indicator, ct);
            using var stream = new MemoryStream();
            DrillDownFiles.WriteXlsx(drill, stream);
            return Results.File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                SafeFileName.Of("chi-tiet", unit, period, indicator) + ".xlsx");
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            return Results.Text(e.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
