using Microsoft.AspNetCore.Antiforgery;

namespace IndicatorWarehouse.Server.Access;

/// <summary>Refuses a form post that does not carry the token of one of our pages: with Basic authentication the
/// browser sends the password with any request, so without this another site could make it post for the user.</summary>
public sealed class AntiforgeryCheck(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        await antiforgery.IsRequestValidAsync(context.HttpContext)
            ? await next(context)
            : Results.Text("Biểu mẫu không hợp lệ hoặc đã hết hạn (400): hãy tải lại trang rồi gửi lại.", "text/plain; charset=utf-8",
                statusCode: StatusCodes.Status400BadRequest);
}
