using System.Security.Claims;
using IndicatorWarehouse.Server.Access;
using Microsoft.AspNetCore.Antiforgery;

namespace IndicatorWarehouse.Server.Pages;

/// <summary>What every page needs from the request: the base for its relative links (the proxy's path base),
/// who is signed in with which role, and the antiforgery token its forms post back.</summary>
public sealed record PageContext(string BaseHref, string? User, string? Role, AntiforgeryTokenSet Antiforgery)
{
    public bool CanQuery => Role is Roles.Analyst or Roles.Admin;
    public bool CanControlJobs => Role is Roles.Admin;

    public static PageContext Of(HttpContext http) => new(
        http.Request.PathBase.Value + "/",
        http.User.Identity?.IsAuthenticated == true ? http.User.Identity.Name : null,
        http.User.FindFirst(ClaimTypes.Role)?.Value,
        http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http));
}
