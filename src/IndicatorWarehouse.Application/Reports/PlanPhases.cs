using IndicatorWarehouse.Reporting.Charts;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace IndicatorWarehouse.Application.Reports;

/// <summary>The phases of the administrative-reform plans (<c>reference/plan_phases.yaml</c>), which units' plans and
/// targets follow: a trend chart marks where a phase begins inside the span it draws.</summary>
public sealed class PlanPhases(IReadOnlyList<ChartMarker> starts)
{
    /// <summary>Phase starts, earliest first.</summary>
    public IReadOnlyList<ChartMarker> Starts { get; } = [.. starts.OrderBy(s => s.At)];

    /// <summary>The latest phase that begins after <paramref name="from"/> and no later than <paramref name="to"/>:
    /// the one line worth drawing on a chart of that span; null when no phase begins inside it.</summary>
    public ChartMarker? Within(DateOnly from, DateOnly to) => Starts.LastOrDefault(s => s.At > from && s.At <= to);

    public static PlanPhases Parse(TextReader yaml)
    {
        var file = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build().Deserialize<File>(yaml);
        return new PlanPhases(file.Phases.Select(p => new ChartMarker(
            DateOnly.ParseExact(p.Starts, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), p.Label)).ToList());
    }

    private sealed class File
    {
        public List<Phase> Phases { get; set; } = [];
    }

    private sealed class Phase
    {
        public string Starts { get; set; } = "";
        public string Label { get; set; } = "";
    }
}
