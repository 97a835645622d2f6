using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace IndicatorWarehouse.Domain.Indicators;

/// <summary>One indicator of the catalog: what it counts, in which unit, and which way is good.</summary>
/// <param name="Index766Metric">The national portal's 766 metric this indicator's value feeds, if any.</param>
/// <param name="Lineage">How a merged unit's history adds up its predecessors' values: <see cref="ByField"/> (counted
/// from dossiers, each re-attributed to the successor that took its field or procedure: whole and exact),
/// <see cref="ByShare"/> (a source without fields, PAKN: the lineage shares, an estimate) or <see cref="OwnOnly"/>
/// (a stock the unit reports by hand, procedures or plan tasks: never summed across predecessors).</param>
/// <param name="Index766Term">For a metric made of several ratios (PAYMENT's A, B, C), the term this indicator is.</param>
public sealed record Indicator(
    string Code, string NameVi, string NameEn, string Unit, string Direction, string Group, string Formula, string RuleVersion, int SortOrder,
    string? Index766Metric = null, string Lineage = Indicator.ByField, string? Index766Term = null, bool Accumulates = false)
{
    public const string ByField = "field", ByShare = "share", OwnOnly = "own";

    public bool IsRate => Unit == "percent";
    public bool IsPoints => Unit == "points";
    public bool HigherIsBetter => Direction == "higher_is_better";
}

/// <summary>The indicator catalog, read from <c>reference/indicators.yaml</c>.</summary>
public sealed class IndicatorCatalog
{
    private readonly Dictionary<string, Indicator> _byCode;

    public IndicatorCatalog(IEnumerable<Indicator> indicators) =>
        _byCode = indicators.ToDictionary(i => i.Code, StringComparer.Ordinal);

    public string RuleVersion => _byCode.Values.FirstOrDefault()?.RuleVersion ?? "";
    public IEnumerable<Indicator> All => _byCode.Values.OrderBy(i => i.SortOrder);
    public bool Contains(string code) => _byCode.ContainsKey(code);

    public Indicator this[string code] => _byCode.TryGetValue(code, out var i)
        ? i : throw new KeyNotFoundException($"Indicator '{code}' is not in the catalog.");

    public static IndicatorCatalog Parse(TextReader yaml)
    {
        var file = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance)
            .Build().Deserialize<CatalogFile>(yaml);
        return new IndicatorCatalog(file.Indicators.Select((i, n) =>
            new Indicator(i.Code, i.NameVi, i.NameEn, i.Unit, i.Direction, i.Group, i.Formula, file.RuleVersion, n + 1,
                i.Index766Metric, i.Lineage is Indicator.ByField or Indicator.ByShare or Indicator.OwnOnly ? i.Lineage
                    : throw new InvalidDataException($"indicators.yaml, {i.Code}: lineage '{i.Lineage}' phải là field, share hoặc own / must be field, share or own."),
                i.Index766Term, i.Accumulates)));
    }

    private sealed class CatalogFile
    {
        public string RuleVersion { get; set; } = "";
        public List<Entry> Indicators { get; set; } = [];
    }

    private sealed class Entry
    {
        public string Code { get; set; } = "";
        public string NameVi { get; set; } = "";
        public string NameEn { get; set; } = "";
        public string Unit { get; set; } = "";
        public string Direction { get; set; } = "";
        public string Group { get; set; } = "";
        public string Formula { get; set; } = "";

        [YamlMember(Alias = "index766_metric")]
        public string? Index766Metric { get; set; }

        public string Lineage { get; set; } = Indicator.ByField;

        [YamlMember(Alias = "index766_term")]
        public string? Index766Term { get; set; }

        public bool Accumulates { get; set; }
    }
}
