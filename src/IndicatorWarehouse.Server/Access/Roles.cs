namespace IndicatorWarehouse.Server.Access;

/// <summary>The two roles and the authorization policies built on them.</summary>
public static class Roles
{
    public const string Analyst = "analyst", Admin = "admin";
    public static readonly string[] All = [Analyst, Admin];

    /// <summary>Policies: who may read dashboards, who may query and see the jobs, who may control jobs.</summary>
    public const string ViewPolicy = "view", AnalystPolicy = "analyst", AdminPolicy = "admin";
}
