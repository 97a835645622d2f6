using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace IndicatorWarehouse.Domain.Counting;

/// <summary>Deadlines set by law or the portal, read from <c>reference/deadlines.yaml</c>.</summary>
/// <param name="RuleVersion">the file's declared version, recorded with the rule set of every load that used it</param>
public sealed record DeadlineRules(PaknDeadlines Pakn, int DueSoonWorkingDays, string RuleVersion = "")
{
    public static DeadlineRules Parse(TextReader yaml)
    {
        var file = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance)
            .Build().Deserialize<File>(yaml);
        var p = file.Pakn;
        return new DeadlineRules(
            new PaknDeadlines(p.HandlingWorkingDays, p.RefusalWorkingDays, p.FirstSupplementWorkingDays, p.PublicationWorkingDays),
            file.DueSoonWorkingDays, file.RuleVersion);
    }

    private sealed class File
    {
        public PaknSection Pakn { get; set; } = new();
        public int DueSoonWorkingDays { get; set; } = 2;
        public string RuleVersion { get; set; } = "";
    }

    private sealed class PaknSection
    {
        public int HandlingWorkingDays { get; set; } = 15;
        public int RefusalWorkingDays { get; set; } = 2;
        public int FirstSupplementWorkingDays { get; set; } = 5;
        public int PublicationWorkingDays { get; set; } = 2;
    }
}
