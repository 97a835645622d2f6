using Hangfire;
using Hangfire.Dashboard;

namespace IndicatorWarehouse.Server.Access;

/// <summary>Hangfire's dashboard at <c>/hangfire</c> behind our own sign-in: the endpoint requires an analyst or admin
/// (anonymous visitors get our 401 with its Basic challenge), and the dashboard itself agrees (its default lets local
/// requests only): admins see and act (trigger, requeue, delete), analysts only see.</summary>
public static class HangfireDashboardAccess
{
    public const string Path = "/hangfire";

    public static void MapHangfire(this IEndpointRouteBuilder app, JobStorage storage, string? pathBase) =>
        app.MapHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [new SignedIn()],
            IsReadOnlyFunc = context => !context.GetHttpContext().User.IsInRole(Roles.Admin),
            DashboardTitle = "Hangfire · Kho chỉ số CCHC",
            // Hangfire's "back to site" link: our jobs page, under the proxy's path base.
            AppPath = (pathBase ?? "") + "/jobs",
        }, storage).RequireAuthorization(Roles.AnalystPolicy);

    private sealed class SignedIn : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context)
        {
            var user = context.GetHttpContext().User;
            return user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Analyst);
        }
    }
}
