using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace IndicatorWarehouse.Domain.Counting;

/// <summary>Deadlines set by law or the portal, read from <c>reference/deadlines.yaml</c>.</summary>
public sealed record DeadlineRules(PaknDeadlines Pakn, int DueSoonWorkingDays)
{
    public static DeadlineRules Parse(TextReader yaml)
    {
        var file = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance)
            .Build().Deserialize<File>(yaml);
        var p = file.Pakn;
        return new DeadlineRules(
            new PaknDeadlines(p.HandlingWorkingDays, p.RefusalWorkingDays, p.FirstSupplementWorkingDays, p.PublicationWorkingDays),
            file.DueSoonWorkingDays);
    }

    private sealed class File
    {
        public PaknSection Pakn { get; set; } = new();
        public int DueSoonWorkingDays { get; set; } = 2;
    }

    private sealed class PaknSection
    {
        public int HandlingWorkingDays { get; set; } = 15;
        public int RefusalWorkingDays { get; set; } = 2;
        public int FirstSupplementWorkingDays { get; set; } = 5;
        public int PublicationWorkingDays { get; set; } = 2;
    }
}
