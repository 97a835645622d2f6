using System.Text;
using IndicatorWarehouse.Reporting.Html;
using Microsoft.AspNetCore.Components;

namespace IndicatorWarehouse.Server.Pages;

/// <summary>Renders a page component to HTML for a request: every page gets the request's <see cref="PageContext"/>
/// as its <c>Page</c> parameter.</summary>
public static class PageResults
{
    public static async Task<IResult> HtmlAsync<TPage>(HttpContext http, Dictionary<string, object?> parameters,
        int status = StatusCodes.Status200OK) where TPage : IComponent
    {
        parameters["Page"] = PageContext.Of(http);
        var html = await http.RequestServices.GetRequiredService<HtmlRenderService>().RenderAsync<TPage>(parameters);
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>A page that only says something: a refusal, a missing feature, a bad filter.</summary>
    public static Task<IResult> MessageAsync(HttpContext http, string title, string message, int status) =>
        HtmlAsync<MessagePage>(http, new() { ["Title"] = title, ["Message"] = message }, status);
}
