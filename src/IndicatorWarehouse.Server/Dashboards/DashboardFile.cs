namespace IndicatorWarehouse.Server.Dashboards;

/// <summary>A dashboard as an analyst writes it in <c>dashboards/&lt;slug&gt;.yaml</c> (or .json): see dashboards/README.md.</summary>
public sealed class DashboardFile
{
    public string Title { get; set; } = "";
    public string? Description { get; set; }

    /// <summary>Position in the index; ties are ordered by title.</summary>
    public int Order { get; set; } = 100;

    /// <summary>Which filters the page shows: <c>unit</c> and/or <c>period</c>.</summary>
    public List<string> Filters { get; set; } = [];

    public string? DefaultUnit { get; set; }

    /// <summary>How many months the period filter spans by default, ending with the latest month built.</summary>
    public int Months { get; set; } = 12;

    /// <summary>Links shown under the title; <c>{unit}</c>, <c>{from}</c> and <c>{to}</c> are replaced by the filters.</summary>
    public List<DashboardLink> Links { get; set; } = [];

    public List<PanelSpec> Panels { get; set; } = [];
}

public sealed class DashboardLink
{
    public string Title { get; set; } = "";
    public string Href { get; set; } = "";
}

/// <summary>One panel: a read-only query over the analyst views and how to show its rows — or, for <c>levers</c>, the
/// chosen unit's 766 levers in the last month, which the application finds (UnitLevers) and no query could.</summary>
public sealed class PanelSpec
{
    public const string LeversType = "levers";

    public string Title { get; set; } = "";

    /// <summary>kpi, line, bar, heatmap, stacked, bullet, table (columns each expects: dashboards/README.md) or levers.</summary>
    public string Type { get; set; } = "table";

    /// <summary>Required, except for a <c>levers</c> panel, which runs none.</summary>
    public string Sql { get; set; } = "";

    public bool RunsSql => Type != LeversType;

    /// <summary>percent, count, points or decimal.</summary>
    public string Format { get; set; } = "percent";

    /// <summary>full or half the page width.</summary>
    public string Width { get; set; } = "full";

    public double? Target { get; set; }
    public string TargetLabel { get; set; } = "Mục tiêu";
    public bool LowerIsBetter { get; set; }
    public string? Note { get; set; }
    public int MaxRows { get; set; } = 500;
}

/// <summary>A dashboard file as found in the folder: its slug (the file name), and its content or why it could not be read.</summary>
public sealed record DashboardEntry(string Slug, string Path, DashboardFile? Dashboard, string? Error);
