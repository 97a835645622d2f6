using System.Globalization;
using System.Text;
using IndicatorWarehouse.Domain.Periods;
using IndicatorWarehouse.Warehouse.Queries;
using IndicatorWarehouse.Warehouse.Rules;
using static IndicatorWarehouse.Application.Operations.OperationsFormat;

namespace IndicatorWarehouse.Application.Rules;

/// <summary>What `iw rules` prints: the list as a result table (table, CSV or JSON) and one set in detail, in Vietnamese.</summary>
public static class RuleSetText
{
    public static QueryResult List(IReadOnlyList<RuleSetSummary> sets, string format)
    {
        var people = ForPeople(format);
        return new QueryResult(
            ["rule_set_id", "label", "first_used_at", "first_used_by", "in_force", "periods", "snapshots", "issued_reports"],
            sets.Select(s => new object?[]
            {
                s.Set.RuleSetId, s.Set.Label, Stamp(s.Set.FirstUsedAt, people), s.Set.FirstUsedBy, s.InForce ? 1 : 0, Periods(s.Periods),
                s.Snapshots, s.Issues,
            }).ToList(),
            false);
    }

    public static string Detail(RuleSetDetail d)
    {
        var s = d.Summary;
        var text = new StringBuilder();
        text.AppendLine($"Bộ quy tắc {s.Set.RuleSetId}{(s.InForce ? " (đang áp dụng)" : "")}: {s.Set.Label}");
        text.AppendLine($"  Dùng lần đầu {Stamp(s.Set.FirstUsedAt, true)} ({(s.Set.FirstUsedBy == "build" ? "tính chỉ số" : "nạp dữ liệu")}); "
                        + $"{s.Snapshots} lần nạp, {s.Issues} báo cáo phát hành theo bộ này");
        text.AppendLine($"  Các kỳ có số liệu tính theo bộ này: {(s.Periods.Count == 0 ? "không còn kỳ nào" : Periods(s.Periods))}");
        text.AppendLine("  Tệp quy tắc:");
        foreach (var f in d.Files)
            text.AppendLine($"    {f.Name,-16} phiên bản {f.Version ?? "(không khai báo)",-12} sha256 {f.ShortHash}");
        if (d.PreviousId is { } previous)
        {
            text.AppendLine($"  So với bộ {previous}:");
            foreach (var change in d.SincePrevious) text.AppendLine("    " + change.Describe());
        }
        foreach (var r in d.Rescores)
            text.AppendLine($"  Lần chạy #{r.RunId} ({Stamp(r.StartedAt, true)}): tính lại {r.Periods} kỳ từ bộ {r.FromRuleSetId} sang bộ {r.ToRuleSetId}");
        text.AppendLine($"  Xem nội dung một tệp: iw rules show {s.Set.RuleSetId} --file index766.yaml");
        return text.ToString();
    }

    /// <summary>"M 2021-01…2026-11 (71) · Y 2021…2026 (6)": per grain the first and last period and how many.</summary>
    private static string Periods(IReadOnlyList<RuleSetPeriod> periods) => string.Join(" · ", periods
        .GroupBy(p => p.Grain)
        .OrderBy(g => Array.IndexOf(GrainOrder, g.Key))
        .Select(g =>
        {
            var ordered = g.OrderBy(p => p.Seq).ToList();
            var span = ordered.Count == 1 ? ordered[0].PeriodCode : $"{ordered[0].PeriodCode}…{ordered[^1].PeriodCode}";
            return string.Create(CultureInfo.InvariantCulture, $"{g.Key} {span} ({ordered.Count})");
        }));

    private static readonly string[] GrainOrder = [.. Enum.GetValues<Grain>().Select(g => g.Code())];
}
