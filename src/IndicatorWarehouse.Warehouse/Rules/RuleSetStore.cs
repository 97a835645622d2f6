using System.Data.Common;
using Dapper;
using IndicatorWarehouse.Domain.Rules;

namespace IndicatorWarehouse.Warehouse.Rules;

/// <summary>A recorded rule set: its id, label, and the first load or build that used it.</summary>
public sealed record RuleSetInfo
{
    public long RuleSetId { get; init; }
    public string Label { get; init; } = "";
    public string Fingerprint { get; init; } = "";
    public DateTime FirstUsedAt { get; init; }
    public string FirstUsedBy { get; init; } = "";
}

/// <summary>The rule sets recorded in the warehouse (<c>etl_rule_set</c>, <c>etl_rule_file</c>): a set is recorded
/// once, with its files' text, the first time a load or a build uses it, so an old set stays readable.</summary>
public sealed class RuleSetStore(WarehouseDatabase database)
{
    private const string SelectSet =
        "SELECT rule_set_id AS RuleSetId, label AS Label, fingerprint AS Fingerprint, first_used_at AS FirstUsedAt, first_used_by AS FirstUsedBy FROM etl_rule_set ";

    /// <summary>The id of the set these files make, recorded in its own transaction when first used.</summary>
    public async Task<long> EnsureAsync(IReadOnlyList<RuleFile> files, string usedBy, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var id = await EnsureAsync(c, tx, files, usedBy, database.Clock.Now, ct);
        await tx.CommitAsync(ct);
        return id;
    }

    /// <summary>As <see cref="EnsureAsync(IReadOnlyList{RuleFile}, string, CancellationToken)"/>, inside the caller's
    /// transaction (a build records its set with the values it writes); <paramref name="now"/> is recorded as its first use.</summary>
    public static async Task<long> EnsureAsync(DbConnection c, DbTransaction tx, IReadOnlyList<RuleFile> files, string usedBy, DateTime now,
        CancellationToken ct)
    {
        var fingerprint = RuleSet.Fingerprint(files);
        if (await FindAsync(c, tx, fingerprint, ct) is { } known) return known;
        try
        {
            await c.ExecuteAsync(new CommandDefinition(
                "INSERT INTO etl_rule_set (fingerprint, label, first_used_at, first_used_by) VALUES (@fingerprint, @label, @now, @usedBy)",
                new { fingerprint, label = RuleSet.Label(files), now = IsoTime.Text(now), usedBy }, tx, cancellationToken: ct));
        }
        catch (DbException)
        {
            // Another session recorded the same set between the look-up and the insert.
            if (await FindAsync(c, tx, fingerprint, ct) is not { } recorded) throw;
            return recorded;
        }
        var id = (await FindAsync(c, tx, fingerprint, ct))!.Value;
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO etl_rule_file (rule_set_id, file_name, version, content_hash, content) VALUES (@id, @Name, @Version, @Hash, @Text)",
            files.Select(f => new { id, f.Name, f.Version, f.Hash, f.Text }), tx, cancellationToken: ct));
        return id;
    }

    public async Task<IReadOnlyList<RuleSetInfo>> ListAsync(CancellationToken ct = default)
    {
        await using var c = await database.OpenReadOnlyAsync(ct);
        return (await c.QueryAsync<RuleSetInfo>(new CommandDefinition(SelectSet + "ORDER BY rule_set_id", cancellationToken: ct))).ToList();
    }

    public async Task<RuleSetInfo> GetAsync(long ruleSetId, CancellationToken ct = default)
    {
        await using var c = await database.OpenReadOnlyAsync(ct);
        return await c.QuerySingleOrDefaultAsync<RuleSetInfo>(new CommandDefinition(
                   SelectSet + "WHERE rule_set_id = @ruleSetId", new { ruleSetId }, cancellationToken: ct))
               ?? throw new KeyNotFoundException($"Không có bộ quy tắc {ruleSetId} / rule set {ruleSetId} does not exist (see `iw rules list`).");
    }

    /// <summary>The files of a set as they were recorded, by name.</summary>
    public async Task<IReadOnlyList<RuleFile>> FilesAsync(long ruleSetId, CancellationToken ct = default)
    {
        await using var c = await database.OpenReadOnlyAsync(ct);
        return await FilesAsync(c, null, ruleSetId, ct);
    }

    public static async Task<IReadOnlyList<RuleFile>> FilesAsync(DbConnection c, DbTransaction? tx, long ruleSetId, CancellationToken ct) =>
        (await c.QueryAsync<(string Name, string? Version, string Hash, string Text)>(new CommandDefinition(
            "SELECT file_name, version, content_hash, content FROM etl_rule_file WHERE rule_set_id = @ruleSetId ORDER BY file_name",
            new { ruleSetId }, tx, cancellationToken: ct)))
        .Select(f => new RuleFile(f.Name, f.Version, f.Hash, f.Text)).ToList();

    /// <summary>How the files changed from one set to another ("index766.yaml 766-2022.1 → 766-2026.1").</summary>
    public static async Task<IReadOnlyList<RuleFileChange>> ChangesAsync(DbConnection c, DbTransaction? tx, long from, long to, CancellationToken ct) =>
        RuleSet.Changes([.. await FilesAsync(c, tx, from, ct)], [.. await FilesAsync(c, tx, to, ct)]);

    private static Task<long?> FindAsync(DbConnection c, DbTransaction tx, string fingerprint, CancellationToken ct) =>
        c.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            "SELECT rule_set_id FROM etl_rule_set WHERE fingerprint = @fingerprint", new { fingerprint }, tx, cancellationToken: ct));
}
