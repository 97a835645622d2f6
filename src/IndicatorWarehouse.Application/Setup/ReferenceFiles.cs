using System.Globalization;
using CsvHelper;
using IndicatorWarehouse.Domain.Agencies;
using IndicatorWarehouse.Domain.Calendar;
using IndicatorWarehouse.Domain.Counting;
using IndicatorWarehouse.Domain.Index766;
using IndicatorWarehouse.Domain.Indicators;
using IndicatorWarehouse.Domain.Rules;
using IndicatorWarehouse.Application.Reports;
using IndicatorWarehouse.Ingestion.Profiles;

namespace IndicatorWarehouse.Application.Setup;

/// <summary>The versioned reference data shipped in <c>src/reference/</c> and copied beside the binaries:
/// rules the law or a province may change live here, not in code. <c>IW_REFERENCE</c> points elsewhere.</summary>
public sealed class ReferenceFiles(string directory)
{
    public string Directory { get; } = directory;

    public static ReferenceFiles Default() => new(Environment.GetEnvironmentVariable("IW_REFERENCE") is { Length: > 0 } dir
        ? dir : Path.Combine(AppContext.BaseDirectory, "reference"));

    public string PathOf(string relative)
    {
        var path = Path.Combine(Directory, relative);
        return File.Exists(path) || System.IO.Directory.Exists(path)
            ? path : throw new FileNotFoundException($"Reference file '{path}' is missing (set IW_REFERENCE to the reference folder).", path);
    }

    public IndicatorCatalog Indicators()
    {
        using var reader = File.OpenText(PathOf("indicators.yaml"));
        return IndicatorCatalog.Parse(reader);
    }

    /// <summary>The shipped vendor mapping profiles, then the user's own (folder in <c>IW_PROFILES</c>), which
    /// replace a shipped profile of the same name.</summary>
    public ProfileCatalog Profiles() => ProfileCatalog.Load(
        [PathOf("profiles"), .. Environment.GetEnvironmentVariable("IW_PROFILES") is { Length: > 0 } user ? new[] { user } : []]);

    public DeadlineRules Deadlines()
    {
        using var reader = File.OpenText(PathOf("deadlines.yaml"));
        return DeadlineRules.Parse(reader);
    }

    public Index766Rules Index766Rules()
    {
        using var reader = File.OpenText(PathOf("index766.yaml"));
        return Domain.Index766.Index766Rules.Parse(reader);
    }

    /// <summary>The files whose rules decide figures, with their declared versions and content hashes: what a
    /// load or a build records as the rule set it used. The 766 rating bands live in index766.yaml.</summary>
    public IReadOnlyList<RuleFile> RuleFiles() =>
    [
        Rule("indicators.yaml", text => IndicatorCatalog.Parse(new StringReader(text)).RuleVersion),
        Rule("index766.yaml", text => Domain.Index766.Index766Rules.Parse(new StringReader(text)).RuleVersion),
        Rule("deadlines.yaml", text => DeadlineRules.Parse(new StringReader(text)).RuleVersion),
        // A list of days declares no version: its content hash stands for one.
        Rule("holidays.csv", _ => null),
    ];

    /// <summary>The plan phases marked on trend charts (<c>plan_phases.yaml</c>).</summary>
    public PlanPhases PlanPhases()
    {
        using var reader = File.OpenText(PathOf("plan_phases.yaml"));
        return Reports.PlanPhases.Parse(reader);
    }

    /// <summary>The bounds of durations and counts of one record (<c>value_bounds.csv</c>).</summary>
    public Ingest.ValueBounds ValueBounds() => new(ReadCsv("value_bounds.csv")
        .Select(r => new Ingest.ValueBound(r["source"], r["field"], double.Parse(r["max"], CultureInfo.InvariantCulture), r["why"])).ToList());

    public HolidayCalendar Holidays() =>
        new(ReadCsv("holidays.csv").Select(r => new Holiday(DateOnly.ParseExact(r["date"], "yyyy-MM-dd", CultureInfo.InvariantCulture), r["name"])));

    public IReadOnlyList<Agency> Agencies() => ReadCsv("agencies.csv").Select(r => new Agency(
        r["agency_code"], r["agency_name"], r["agency_level"], NullIfEmpty(r["province_code"]), NullIfEmpty(r["sector"]),
        Date(r["valid_from"])!.Value, Date(r["valid_to"]))).ToList();

    /// <summary>The lineage links and, for units split between several successors, which successor took each
    /// field and procedure (<c>agency_lineage_transfers.csv</c>); refused whole when it cannot be applied exactly.</summary>
    public AgencyLineage Lineage() => new(
        ReadCsv("agency_lineage.csv").Select(r => new LineageLink(
            r["predecessor_code"], r["successor_code"], Date(r["effective_date"])!.Value,
            double.Parse(r["share"], CultureInfo.InvariantCulture), NullIfEmpty(r["note"]))).ToList(),
        ReadCsv("agency_lineage_transfers.csv").Select(r => new LineageTransfer(
            r["predecessor_code"], r["successor_code"], NullIfEmpty(r["field_code"]), NullIfEmpty(r["procedure_code"]), NullIfEmpty(r["note"]))).ToList());

    private RuleFile Rule(string name, Func<string, string?> version)
    {
        var text = File.ReadAllText(PathOf(name));
        return RuleFile.Of(name, version(text), text);
    }

    /// <summary>Reads a small reference CSV into one dictionary per row, keyed by header.</summary>
    private IEnumerable<Dictionary<string, string>> ReadCsv(string relative)
    {
        using var csv = new CsvReader(File.OpenText(PathOf(relative)), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        while (csv.Read())
            yield return header.ToDictionary(h => h, h => csv.GetField(h) ?? "");
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
    private static DateOnly? Date(string s) => s.Length == 0 ? null : DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
