using System.Data.Common;
using IndicatorWarehouse.Domain.Periods;
using IndicatorWarehouse.Domain.Rules;
using IndicatorWarehouse.Warehouse.Rules;

namespace IndicatorWarehouse.Application.Build;

/// <summary>The periods a build re-scores under another rule set than the one that had made their values: found
/// before the build replaces them, recorded with its values (<c>etl_rule_rescore</c>), and told to whoever ran it.</summary>
/// <param name="Changes">how the rule files differ from the set(s) that had made the values</param>
/// <param name="IssuedPeriods">the re-scored periods that reports were issued for</param>
public sealed record RulesRescore(long RunId, long RuleSetId, IReadOnlyList<(string Period, long FromRuleSetId)> Rescored,
    IReadOnlyList<RuleFileChange> Changes, IReadOnlyList<string> IssuedPeriods)
{
    /// <summary>Rule files applied when a source file is loaded, not when values are built.</summary>
    private static readonly string[] AppliedAtLoad = ["deadlines.yaml", "holidays.csv"];

    private const int PeriodsNamed = 12;

    public static async Task<RulesRescore?> FindAsync(DbConnection c, DbTransaction tx, IReadOnlyList<Period> periods, long ruleSetId,
        long runId, CancellationToken ct)
    {
        var rescored = await RuleSetUsage.MadeUnderOtherSetsAsync(c, tx, periods.Select(p => p.Code).ToList(), ruleSetId, ct);
        if (rescored.Count == 0) return null;
        var changes = new List<RuleFileChange>();
        foreach (var from in rescored.Select(r => r.FromRuleSetId).Distinct().Order())
            changes.AddRange(await RuleSetStore.ChangesAsync(c, tx, from, ruleSetId, ct));
        var codes = rescored.Select(r => r.Period).ToHashSet(StringComparer.Ordinal);
        var issued = (await RuleSetUsage.IssuedAsync(c, tx, ct))
            .Where(i => Reports.IssuedPeriods.ShowsBuiltValuesOf(i.Kind, i.Period, codes)).Select(i => i.Period)
            .Distinct().Order(StringComparer.Ordinal).ToList();
        return new RulesRescore(runId, ruleSetId, rescored, changes.DistinctBy(ch => ch.Describe()).ToList(), issued);
    }

    public Task RecordAsync(DbConnection c, DbTransaction tx, CancellationToken ct) =>
        RuleSetUsage.RecordRescoreAsync(c, tx, RunId, Rescored, RuleSetId, ct);

    public int PeriodCount => Rescored.Select(r => r.Period).Distinct().Count();

    /// <summary>What `iw build` prints, in Vietnamese.</summary>
    public IEnumerable<string> Lines()
    {
        var from = string.Join(", ", Rescored.Select(r => r.FromRuleSetId).Distinct().Order().Select(id => $"#{id}"));
        yield return $"Quy tắc đã thay đổi: tính lại {PeriodCount} kỳ theo bộ quy tắc #{RuleSetId} thay cho bộ {from} "
                     + $"(ghi nhận ở lần chạy #{RunId}, xem `iw rules show {RuleSetId}`).";
        foreach (var change in Changes) yield return "  " + change.Describe();
        if (IssuedPeriods.Count > 0)
            yield return $"  {IssuedPeriods.Count} kỳ đã có báo cáo phát hành ({string.Join(", ", IssuedPeriods.Take(PeriodsNamed))}"
                         + (IssuedPeriods.Count > PeriodsNamed ? ", …" : "") + "): phát hành lại sẽ là bản điều chỉnh ghi rõ thay đổi quy tắc; bản cũ vẫn lưu.";
        var atLoad = Changes.Select(ch => ch.Name).Where(AppliedAtLoad.Contains).ToList();
        if (atLoad.Count > 0)
            yield return $"  {string.Join(", ", atLoad)} áp dụng khi nạp: hạn xử lý của các tệp đã nạp giữ theo quy tắc lúc nạp; nạp lại tệp nguồn để áp dụng quy tắc mới.";
    }
}
