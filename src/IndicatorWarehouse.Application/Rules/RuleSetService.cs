using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Domain.Rules;
using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Rules;

namespace IndicatorWarehouse.Application.Rules;

/// <summary>A recorded rule set and what it was used for.</summary>
/// <param name="InForce">the reference files in use now make this set</param>
public sealed record RuleSetSummary(RuleSetInfo Set, bool InForce, IReadOnlyList<RuleSetPeriod> Periods, long Snapshots, long Issues);

/// <summary>One rule set in full: its files, how they differ from the set before it, and the builds that re-scored
/// periods into or out of it.</summary>
public sealed record RuleSetDetail(RuleSetSummary Summary, IReadOnlyList<RuleFile> Files, long? PreviousId,
    IReadOnlyList<RuleFileChange> SincePrevious, IReadOnlyList<RuleRescore> Rescores);

/// <summary>`iw rules`: the rule sets the warehouse recorded, the periods whose values each made, and the files of one
/// exactly as they were.</summary>
public sealed class RuleSetService(WarehouseDatabase database, ReferenceFiles reference)
{
    public async Task<IReadOnlyList<RuleSetSummary>> ListAsync(CancellationToken ct = default)
    {
        var sets = await new RuleSetStore(database).ListAsync(ct);
        var usage = new RuleSetUsage(database);
        var periods = (await usage.PeriodsAsync(ct)).ToLookup(p => p.RuleSetId);
        var counts = await usage.CountsAsync(ct);
        var inForce = RuleSet.Fingerprint(reference.RuleFiles());
        return sets.Select(s => new RuleSetSummary(s, s.Fingerprint == inForce, periods[s.RuleSetId].ToList(),
            counts.GetValueOrDefault(s.RuleSetId).Snapshots, counts.GetValueOrDefault(s.RuleSetId).Issues)).ToList();
    }

    public async Task<RuleSetDetail> ShowAsync(long ruleSetId, CancellationToken ct = default)
    {
        var store = new RuleSetStore(database);
        await store.GetAsync(ruleSetId, ct);
        var summary = (await ListAsync(ct)).Single(s => s.Set.RuleSetId == ruleSetId);
        var files = await store.FilesAsync(ruleSetId, ct);
        var previous = (await store.ListAsync(ct)).LastOrDefault(s => s.RuleSetId < ruleSetId)?.RuleSetId;
        var changes = previous is { } p ? RuleSet.Changes([.. await store.FilesAsync(p, ct)], [.. files]) : [];
        return new RuleSetDetail(summary, files, previous, changes, await new RuleSetUsage(database).RescoresAsync(ruleSetId, ct));
    }

    /// <summary>One file of a set, exactly as it was recorded.</summary>
    public async Task<RuleFile> FileAsync(long ruleSetId, string fileName, CancellationToken ct = default)
    {
        var files = await new RuleSetStore(database).FilesAsync(ruleSetId, ct);
        return files.SingleOrDefault(f => f.Name == fileName) ?? throw new ArgumentException(
            $"Bộ quy tắc {ruleSetId} không có tệp '{fileName}' / rule set {ruleSetId} has no file '{fileName}': {string.Join(", ", files.Select(f => f.Name))}.");
    }
}
