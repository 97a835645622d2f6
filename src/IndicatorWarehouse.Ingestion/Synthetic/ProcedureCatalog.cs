using IndicatorWarehouse.Domain.Agencies;

namespace IndicatorWarehouse.Ingestion.Synthetic;

/// <summary>One administrative procedure (TTHC) the province uses. Online service levels arrive over the
/// years: <see cref="PartlyOnlineFrom"/> / <see cref="FullyOnlineFrom"/> are the first years with a một phần /
/// toàn trình service (<see cref="int.MaxValue"/> = never).</summary>
public sealed record Procedure(
    string Code, string Name, string FieldCode, string FieldName, string Sector,
    int ProcessingDays, decimal Fee, bool FeePerCopy, bool ResultRequired, double BusinessShare, int Components,
    int PartlyOnlineFrom, int FullyOnlineFrom, double Weight)
{
    public const string FullyOnline = "toan_trinh", PartlyOnline = "mot_phan", NoOnline = "none";

    public string OnlineService(int year) =>
        year >= FullyOnlineFrom ? FullyOnline : year >= PartlyOnlineFrom ? PartlyOnline : NoOnline;
}

/// <summary>The province's procedure catalog: a few hundred procedures out of the ~5,700 national ones,
/// expanded from <see cref="ProcedureVocabulary"/>. It is the same for every seed (codes and traits come from
/// a fixed stream), so data generated with different seeds describe the same procedures.</summary>
public sealed class ProcedureCatalog
{
    private const int CatalogSeed = 5700, NationalCatalogSize = 5700, FirstOnlineYear = 2021;

    private readonly Dictionary<string, WeightedTable<Procedure>> _bySector;
    private readonly WeightedTable<Procedure> _centre;

    public ProcedureCatalog()
    {
        var random = new Random(CatalogSeed);
        var usedCodes = new HashSet<string>();
        _bySector = ProcedureVocabulary.Departments.Append(ProcedureVocabulary.Commune)
            .ToDictionary(s => s.Sector, s => new WeightedTable<Procedure>(Expand(s, random, usedCodes).Select(p => (p, p.Weight))));
        // The centre receives every department's procedures, in proportion to each sector's volume.
        _centre = new WeightedTable<Procedure>(ProcedureVocabulary.Departments.SelectMany(s =>
        {
            var table = _bySector[s.Sector];
            return table.Items.Select((p, i) => (p, s.Share * table.WeightAt(i) / table.Total));
        }));
        All = _bySector.Values.SelectMany(t => t.Items).ToList();
    }

    public IReadOnlyList<Procedure> All { get; }

    /// <summary>Whether the catalog has procedures for this unit (departments of an unknown sector have none).</summary>
    public bool Covers(Agency agency) => agency.Level == "centre" || _bySector.ContainsKey(SectorOf(agency));

    internal WeightedTable<Procedure> For(Agency agency) => agency.Level == "centre" ? _centre : _bySector[SectorOf(agency)];

    internal static double ShareOf(Agency agency) => agency.Level == "department"
        ? ProcedureVocabulary.Departments.FirstOrDefault(s => s.Sector == agency.Sector)?.Share ?? 0 : 1;

    private static string SectorOf(Agency agency) => agency.Level == "commune" ? ProcedureVocabulary.CommuneSector : agency.Sector ?? "";

    private static IEnumerable<Procedure> Expand(SectorSpec sector, Random random, HashSet<string> usedCodes)
    {
        var prefix = sector.Sector == ProcedureVocabulary.CommuneSector ? "2." : "1.";
        foreach (var field in sector.Fields)
        {
            var names = field.Procedures.SelectMany(ExpandActions).ToList();
            for (var rank = 0; rank < names.Count; rank++)
            {
                string code;
                do code = $"{prefix}{random.Next(NationalCatalogSize):D6}"; while (!usedCodes.Add(code));
                var fullyFrom = OnlineYear(random, [0.25, 0.10, 0.12, 0.12, 0.10, 0.06]);
                var partlyFrom = Math.Min(fullyFrom, OnlineYear(random, [0.35, 0.10, 0.10, 0.10, 0.05, 0.05]));
                // Earlier names in a field are the common ones: a Zipf-like fall-off inside the field.
                yield return new Procedure(code, names[rank], field.Code, field.Name, sector.Sector,
                    random.Pick(field.ProcessingDays), random.Pick(field.Fees), field.FeePerCopy, !random.Chance(0.08),
                    field.BusinessShare, random.Next(1, 7), partlyFrom, fullyFrom,
                    field.Weight / (rank + 1.0) / Harmonic(names.Count));
            }
        }
    }

    /// <summary>"Cấp|Cấp lại :: giấy phép X" → "Cấp giấy phép X", "Cấp lại giấy phép X".</summary>
    private static IEnumerable<string> ExpandActions(string pattern)
    {
        var parts = pattern.Split(" :: ");
        return parts.Length == 1 ? [pattern] : parts[0].Split('|').Select(action => $"{action} {parts[1]}");
    }

    private static int OnlineYear(Random random, double[] probabilityByYear)
    {
        var u = random.NextDouble();
        for (var i = 0; i < probabilityByYear.Length; i++)
            if ((u -= probabilityByYear[i]) < 0) return FirstOnlineYear + i;
        return int.MaxValue;
    }

    private static double Harmonic(int n) => Enumerable.Range(1, n).Sum(k => 1.0 / k);
}
