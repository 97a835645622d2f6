using System.Security.Cryptography;
using Microsoft.AspNetCore.Diagnostics;

namespace IndicatorWarehouse.Server.Pages;

/// <summary>What a visitor sees when something goes wrong: a Vietnamese page with the status (400, 404, 500) and a
/// reference number, never a path, a host name or a stack trace. The log line carries the same reference with the
/// details, so an administrator finds what happened from the number a user reports.</summary>
public static class ErrorPages
{
    /// <summary>Eight hexadecimal digits: short enough to read out on the phone.</summary>
    public static string NewReference() => Convert.ToHexString(RandomNumberGenerator.GetBytes(4));

    /// <summary>An exception no endpoint handled: 500 (400 for a request the server could not read).</summary>
    public static async Task UnhandledAsync(HttpContext http)
    {
        var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
        var reference = NewReference();
        var badRequest = error is BadHttpRequestException;
        Logger(http).LogError(error, "Lỗi khi xử lý {Method} {Path}, mã tham chiếu {Reference}", http.Request.Method, http.Request.Path, reference);
        var result = badRequest
            ? await PageResults.MessageAsync(http, "Yêu cầu không hợp lệ (400)", $"Máy chủ không đọc được yêu cầu này. Mã tham chiếu: {reference}.",
                StatusCodes.Status400BadRequest)
            : await PageResults.MessageAsync(http, "Lỗi máy chủ (500)",
                $"Đã có lỗi khi xử lý yêu cầu. Hãy báo quản trị viên mã tham chiếu {reference}.", StatusCodes.Status500InternalServerError);
        await result.ExecuteAsync(http);
    }

    /// <summary>A status without a body (an unknown address, a request the routing refused): its Vietnamese page.</summary>
    public static async Task StatusAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var reference = NewReference();
        var status = http.Response.StatusCode;
        Logger(http).LogInformation("{Status} cho {Method} {Path}, mã tham chiếu {Reference}", status, http.Request.Method, http.Request.Path, reference);
        var (title, message) = status switch
        {
            StatusCodes.Status404NotFound => ("Không tìm thấy (404)", "Không có trang này."),
            StatusCodes.Status405MethodNotAllowed => ("Không được phép (405)", "Trang này không nhận yêu cầu kiểu này."),
            >= 500 => ($"Lỗi máy chủ ({status})", "Đã có lỗi khi xử lý yêu cầu."),
            _ => ($"Yêu cầu không hợp lệ ({status})", "Máy chủ không xử lý được yêu cầu này."),
        };
        await (await PageResults.MessageAsync(http, title, $"{message} Mã tham chiếu: {reference}.", status)).ExecuteAsync(http);
    }

    private static ILogger Logger(HttpContext http) => http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("IndicatorWarehouse.Errors");
}
