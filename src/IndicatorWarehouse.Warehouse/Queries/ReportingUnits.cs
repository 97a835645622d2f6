using System.Data.Common;
using Dapper;
using IndicatorWarehouse.Domain.Agencies;

namespace IndicatorWarehouse.Warehouse.Queries;

/// <summary>Who reports a dossier for a period ending on <c>lastDay</c>: its own unit while that unit exists on that
/// day; once it has ended (merged, split), the unit that took its work over, following the lineage (a split unit's
/// dossier by its procedure or field) until a unit that exists. So a form of a period after a merger lists no ended
/// unit, and the dossiers the ended unit left open are its successor's.</summary>
public sealed class ReportingUnits
{
    private readonly AgencyLineage _lineage;
    private readonly DateOnly _lastDay;
    private readonly Dictionary<string, (string? Province, bool Exists)> _units;

    private ReportingUnits(AgencyLineage lineage, DateOnly lastDay, Dictionary<string, (string? Province, bool Exists)> units)
    {
        _lineage = lineage;
        _lastDay = lastDay;
        _units = units;
        Ended = units.Where(u => !u.Value.Exists && lineage.Links.Any(l => l.PredecessorCode == u.Key && l.EffectiveDate <= lastDay))
            .Select(u => u.Key).ToHashSet();
    }

    /// <summary>Units that no longer exist on the last day and whose work a successor took over by then.</summary>
    public IReadOnlySet<string> Ended { get; }

    public static async Task<ReportingUnits> LoadAsync(DbConnection c, DateOnly lastDay)
    {
        var day = lastDay.ToString("yyyy-MM-dd");
        var units = (await c.QueryAsync<(string Code, string? Province, long Exists)>("""
            SELECT a.agency_code, MAX(a.province_code),
                   MAX(CASE WHEN a.valid_from <= @day AND (a.valid_to IS NULL OR a.valid_to > @day) THEN 1 ELSE 0 END)
            FROM dim_agency a GROUP BY a.agency_code
            """, new { day })).ToDictionary(u => u.Code, u => (u.Province, u.Exists == 1));
        var links = (await c.QueryAsync<(string Predecessor, string Successor, DateTime Effective, double Share)>(
            "SELECT predecessor_code, successor_code, effective_date, share FROM agency_lineage"))
            .Select(l => new LineageLink(l.Predecessor, l.Successor, DateOnly.FromDateTime(l.Effective), l.Share, null)).ToList();
        var transfers = (await c.QueryAsync<(string Predecessor, string Successor, string? Field, string? Procedure)>(
            "SELECT predecessor_code, successor_code, field_code, procedure_code FROM agency_lineage_transfer"))
            .Select(t => new LineageTransfer(t.Predecessor, t.Successor, t.Field, t.Procedure, null)).ToList();
        return new ReportingUnits(new AgencyLineage(links, transfers), lastDay, units);
    }

    /// <summary>The unit that reports a dossier of <paramref name="code"/> with this procedure and field.</summary>
    public string HolderOf(string code, string? procedureCode, string? fieldCode)
    {
        for (var hops = 0; hops < 16 && Ended.Contains(code); hops++)
            code = _lineage.SuccessorOn(code, procedureCode ?? "", fieldCode, _lastDay) ?? code;
        return code;
    }

    public string? ProvinceOf(string code) => _units.TryGetValue(code, out var u) ? u.Province : null;

    /// <summary>The ended units some of whose dossiers <paramref name="inScope"/> units report.</summary>
    public IReadOnlyList<string> EndedReportedBy(Func<string, bool> inScope) =>
        Ended.Where(code => Reachable(code).Any(inScope)).ToList();

    private IEnumerable<string> Reachable(string code)
    {
        var seen = new HashSet<string>();
        var next = new Queue<string>([code]);
        while (next.TryDequeue(out var unit))
            foreach (var l in _lineage.Links.Where(l => l.PredecessorCode == unit && l.EffectiveDate <= _lastDay))
                if (seen.Add(l.SuccessorCode)) next.Enqueue(l.SuccessorCode);
        return seen;
    }
}
