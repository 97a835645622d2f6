using IndicatorWarehouse.Domain.Agencies;

namespace IndicatorWarehouse.Ingestion.Synthetic;

/// <summary>Decides which unit handles a dossier on a given day, following the province's history.
/// Work originates at "source" units (those not created by a reorganisation) in fixed proportions; when a
/// source no longer exists on the day, its work follows the lineage links to the successor valid then
/// (TNI.SLDTBXH → TNI.SNV / TNI.SYT in 3/2025 by field, as agency_lineage_transfers.csv says; LAN.* → TNI.* in
/// 7/2025; old communes → new ones), so the data and the warehouse's re-attribution agree.</summary>
internal sealed class UnitAllocator
{
    // Domain §2: departments handle ~40–50% of a province's dossiers; the rest are communes and the centre.
    private static readonly Dictionary<string, double> LevelShares = new() { ["department"] = 0.45, ["centre"] = 0.10, ["commune"] = 0.45 };

    // Long An was the larger of the two provinces merged on 1/7/2025.
    private static readonly Dictionary<string, double> ProvinceShares = new() { ["TNI"] = 0.45, ["LAN"] = 0.55 };

    private readonly ProcedureCatalog _catalog;
    private readonly AgencyLineage _lineage;
    private readonly Dictionary<string, Agency[]> _versions;
    private readonly Agency[] _sources;
    private readonly DateOnly[] _changes;
    private readonly Dictionary<int, UnitAllocation> _byEpoch = [];

    public UnitAllocator(IEnumerable<Agency> agencies, AgencyLineage lineage, ProcedureCatalog catalog)
    {
        _catalog = catalog;
        _lineage = lineage;
        var units = agencies.Where(a => a.ProvinceCode is { } p && ProvinceShares.ContainsKey(p) && LevelShares.ContainsKey(a.Level)).ToList();
        if (units.Count == 0) throw new InvalidOperationException("No unit of Tây Ninh or Long An in the agency list.");
        _versions = units.GroupBy(a => a.Code).ToDictionary(g => g.Key, g => g.ToArray());
        var links = lineage.Links.Where(l => _versions.ContainsKey(l.PredecessorCode) && _versions.ContainsKey(l.SuccessorCode)).ToList();
        _sources = units.Where(a => catalog.Covers(a) && ProcedureCatalog.ShareOf(a) > 0
                                    && !links.Any(l => l.SuccessorCode == a.Code && l.EffectiveDate == a.ValidFrom)).ToArray();
        _changes = units.SelectMany(a => a.ValidTo is { } to ? [a.ValidFrom, to] : new[] { a.ValidFrom })
            .Concat(links.Select(l => l.EffectiveDate)).Distinct().Order().ToArray();
    }

    /// <summary>The allocation in force on <paramref name="day"/> (one per period between reorganisations).</summary>
    public UnitAllocation On(DateOnly day)
    {
        var epoch = Array.BinarySearch(_changes, day);
        epoch = epoch < 0 ? ~epoch : epoch + 1;
        if (!_byEpoch.TryGetValue(epoch, out var allocation))
            _byEpoch[epoch] = allocation = Build(day);
        return allocation;
    }

    private UnitAllocation Build(DateOnly day)
    {
        var alive = _sources.Where(s => s.ValidFrom <= day).ToList();
        if (alive.Count == 0) throw new InvalidOperationException($"No unit of the province handles dossiers on {day:dd/MM/yyyy}.");
        var groupTotals = alive.GroupBy(Group).ToDictionary(g => g.Key, g => g.Sum(ProcedureCatalog.ShareOf));
        var sources = new WeightedTable<Agency>(alive.Select(s =>
            (s, LevelShares[s.Level] * ProvinceShares[s.ProvinceCode!] * ProcedureCatalog.ShareOf(s) / groupTotals[Group(s)])));
        var units = _versions.Values.Select(v => v.FirstOrDefault(a => a.IsValidOn(day))).OfType<Agency>().ToList();
        return new UnitAllocation(day, sources, units, _catalog, this);
    }

    private static (string Level, string Province) Group(Agency a) => (a.Level, a.ProvinceCode!);

    /// <summary>The unit that does <paramref name="source"/>'s work for <paramref name="procedure"/> on <paramref name="day"/>.</summary>
    internal Agency Resolve(Agency source, Procedure procedure, DateOnly day)
    {
        var code = source.Code;
        for (var hops = 0; hops < 16; hops++)
        {
            if (_versions[code].FirstOrDefault(a => a.IsValidOn(day)) is { } valid) return valid;
            code = _lineage.SuccessorOn(code, procedure.Code, procedure.FieldCode, day)
                ?? throw new InvalidOperationException($"{code} no longer exists on {day:dd/MM/yyyy} and the lineage names no successor.");
        }
        throw new InvalidOperationException($"The lineage of {source.Code} loops.");
    }
}

/// <summary>Who handles dossiers during one period between reorganisations: the source units with their
/// weights, the units that exist, and the resolved handler of each (source, procedure), cached. Validity does
/// not change inside the period, so any <paramref name="day"/> of it resolves the same.</summary>
internal sealed class UnitAllocation(DateOnly day, WeightedTable<Agency> sources, IReadOnlyList<Agency> units,
    ProcedureCatalog catalog, UnitAllocator allocator)
{
    private readonly Dictionary<(string, string), Agency> _handlers = [];
    private Dictionary<string, double>? _workShares;

    public WeightedTable<Agency> Sources => sources;

    /// <summary>The units that exist in this period (those PAKN can be addressed to).</summary>
    public IReadOnlyList<Agency> Units => units;

    public WeightedTable<Procedure> ProceduresOf(Agency source) => catalog.For(source);

    /// <summary>The share of this period's dossiers that <paramref name="unit"/> handles (0 for a unit that
    /// handles none), so activity that scales with a unit's size (PAKN) can follow it across mergers.</summary>
    public double WorkShare(Agency unit)
    {
        if (_workShares is null)
        {
            _workShares = [];
            for (var i = 0; i < sources.Items.Count; i++)
            {
                var source = sources.Items[i];
                var procedures = ProceduresOf(source);
                for (var j = 0; j < procedures.Items.Count; j++)
                {
                    var code = Handler(source, procedures.Items[j]).Code;
                    _workShares[code] = _workShares.GetValueOrDefault(code)
                        + sources.WeightAt(i) / sources.Total * procedures.WeightAt(j) / procedures.Total;
                }
            }
        }
        return _workShares.GetValueOrDefault(unit.Code);
    }

    public Agency Handler(Agency source, Procedure procedure)
    {
        if (!_handlers.TryGetValue((source.Code, procedure.Code), out var handler))
            _handlers[(source.Code, procedure.Code)] = handler = allocator.Resolve(source, procedure, day);
        return handler;
    }
}
