using IndicatorWarehouse.Server.Pages;
using IndicatorWarehouse.Warehouse;

namespace IndicatorWarehouse.Server.Errors;

/// <summary>A request that waited for the warehouse longer than its busy timeout (a load or a build holding it) gets a
/// Vietnamese 503 page saying to try again shortly, with Retry-After, instead of a bare 500.</summary>
public static class BusyWarehousePage
{
    private const int RetryAfterSeconds = 30;

    public static IApplicationBuilder UseBusyWarehousePage(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        try
        {
            await next(http);
        }
        catch (Exception e) when (!http.Response.HasStarted && IsBusy(http, e))
        {
            http.Response.Clear();
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var page = await PageResults.MessageAsync(http, "Kho dữ liệu đang bận",
                "Kho dữ liệu đang được cập nhật (một lần nạp hoặc tính toán đang ghi) nên chưa trả lời kịp. " +
                $"Vui lòng thử lại sau khoảng {RetryAfterSeconds} giây.", StatusCodes.Status503ServiceUnavailable);
            await page.ExecuteAsync(http);
        }
    });

    private static bool IsBusy(HttpContext http, Exception e)
    {
        var dialect = http.RequestServices.GetRequiredService<WarehouseDatabase>().Dialect;
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (dialect.IsTransient(x)) return true;
        return false;
    }
}
