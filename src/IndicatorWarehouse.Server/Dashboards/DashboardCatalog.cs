using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace IndicatorWarehouse.Server.Dashboards;

/// <summary>The dashboard files of a folder, read afresh on every request so that a file an analyst adds or edits
/// shows at once; a file that cannot be read is listed with its error rather than taking the others down.</summary>
public sealed partial class DashboardCatalog(string folder)
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];
    private static readonly string[] PanelTypes = ["kpi", "line", "bar", "heatmap", "stacked", "bullet", "table", PanelSpec.LeversType];
    private static readonly string[] Formats = ["percent", "count", "points", "decimal"];

    private static readonly IDeserializer Reader = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public string Folder => folder;

    public IReadOnlyList<DashboardEntry> All()
    {
        if (!Directory.Exists(folder)) return [];
        return Directory.EnumerateFiles(folder)
            .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()) && SlugPattern().IsMatch(Path.GetFileNameWithoutExtension(f)))
            .Select(Read)
            .OrderBy(e => e.Dashboard?.Order ?? int.MaxValue).ThenBy(e => e.Dashboard?.Title ?? e.Slug, StringComparer.Ordinal)
            .ToList();
    }

    public DashboardEntry? Find(string slug) => All().FirstOrDefault(e => e.Slug == slug);

    public static DashboardEntry Read(string path)
    {
        var slug = Path.GetFileNameWithoutExtension(path);
        try
        {
            var dashboard = Reader.Deserialize<DashboardFile?>(File.ReadAllText(path)) ?? new DashboardFile();
            var problems = Problems(dashboard);
            return problems.Count == 0 ? new DashboardEntry(slug, path, dashboard, null) : new DashboardEntry(slug, path, null, string.Join("; ", problems));
        }
        catch (YamlException e)
        {
            return new DashboardEntry(slug, path, null, $"{e.Start}: {(e.InnerException ?? e).Message}");
        }
    }

    private static List<string> Problems(DashboardFile d)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(d.Title)) problems.Add("title is required");
        foreach (var filter in d.Filters.Where(f => f is not ("unit" or "period"))) problems.Add($"unknown filter '{filter}' (unit, period)");
        if (d.Months < 1) problems.Add("months must be at least 1");
        foreach (var (panel, i) in d.Panels.Select((p, i) => (p, i + 1)))
        {
            var who = $"panel {i} '{panel.Title}'";
            if (!PanelTypes.Contains(panel.Type)) problems.Add($"{who}: type must be one of {string.Join(", ", PanelTypes)}");
            if (!Formats.Contains(panel.Format)) problems.Add($"{who}: format must be one of {string.Join(", ", Formats)}");
            if (panel.RunsSql && string.IsNullOrWhiteSpace(panel.Sql)) problems.Add($"{who}: sql is required");
            if (!panel.RunsSql && !string.IsNullOrWhiteSpace(panel.Sql)) problems.Add($"{who}: a levers panel runs no sql");
            if (!panel.RunsSql && !d.Filters.Contains("unit")) problems.Add($"{who}: a levers panel needs the unit filter");
            if (panel.Width is not ("full" or "half")) problems.Add($"{who}: width is full or half");
        }
        return problems;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex SlugPattern();
}
