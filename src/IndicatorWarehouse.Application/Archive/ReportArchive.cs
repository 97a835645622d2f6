using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using IndicatorWarehouse.Domain.Rules;
using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Rules;

namespace IndicatorWarehouse.Application.Archive;

/// <summary>A figure whose value differs from the issue being revised; <see cref="Text"/> is how the revision note
/// worded it, archived with it so the archive reads as the report did.</summary>
public sealed record FigureChange(string Figure, double? Before, double? After)
{
    public string? Text { get; init; }
}

/// <summary>What a new issue of a report is: the first (revision 0), a revision of an earlier issue with the figures
/// that changed and the loads and rule changes since that explain why, or the same figures again.</summary>
/// <param name="AlreadyIssued">the latest issue showed exactly these figures: nothing new to issue or archive</param>
/// <param name="RuleSetId">the rule set that made the figures (etl_rule_set), when known</param>
public sealed record IssueStatus(int RevisionNo, long? RevisesId, DateTime? PreviousIssuedAt, IReadOnlyList<FigureChange> Changes,
    IReadOnlyList<string> LoadsSince, bool AlreadyIssued = false, long? RuleSetId = null)
{
    public bool IsRevision => !AlreadyIssued && RevisionNo > 0;

    /// <summary>How the rule files changed since the issue revised ("index766.yaml 766-2022.1 → 766-2026.1").</summary>
    public IReadOnlyList<RuleFileChange> RuleChanges { get; init; } = [];
}

/// <summary>Issued reports stay what they were: each issue is archived with its file, the figures it showed, the
/// snapshots and rule set it used. A later issue of the same report and period whose figures differ is a
/// revision ("Bản điều chỉnh") that lists what changed and which loads and rule files changed it; the archive keeps both.</summary>
public sealed class ReportArchive(WarehouseDatabase database)
{
    // Properties, not a positional record: Dapper then converts each column (text timestamps on SQLite).
    private sealed record Issued
    {
        public long report_id { get; init; }
        public long revision_no { get; init; }
        public DateTime issued_at { get; init; }
        public string figures_json { get; init; } = "";
        public string snapshot_ids { get; init; } = "";
        public long? rule_set_id { get; init; }
    }

    /// <summary>How a report with these figures, made under rule set <paramref name="ruleSetId"/>, would be issued now,
    /// compared with its latest issue.</summary>
    public async Task<IssueStatus> StatusAsync(string kind, string scope, string period, IReadOnlyDictionary<string, double?> figures,
        long? ruleSetId = null, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct);
        var latest = await LatestAsync(c, kind, scope, period);
        if (latest is null) return new IssueStatus(0, null, null, [], [], RuleSetId: ruleSetId);
        var before = JsonSerializer.Deserialize<Dictionary<string, double?>>(latest.figures_json)!;
        var changes = figures.Keys.Union(before.Keys).Order(StringComparer.Ordinal)
            .Select(k => new FigureChange(k, before.GetValueOrDefault(k), figures.GetValueOrDefault(k)))
            .Where(ch => !Same(ch.Before, ch.After)).ToList();
        if (changes.Count == 0)
            return new IssueStatus((int)latest.revision_no, latest.report_id, latest.issued_at, [], [], AlreadyIssued: true, latest.rule_set_id);
        var used = JsonSerializer.Deserialize<long[]>(latest.snapshot_ids)!;
        var active = (await c.QueryAsync<(long Id, string Source, string File, DateTime AsOf)>(
            "SELECT snapshot_id, source, file_name, as_of FROM etl_snapshot WHERE reverted_at IS NULL ORDER BY snapshot_id")).ToList();
        var loads = active.Where(s => !used.Contains(s.Id))
            .Select(s => $"{s.Source}: {s.File} (dữ liệu đến {s.AsOf:dd/MM/yyyy HH:mm})").ToList();
        var current = active.Select(s => s.Id).ToHashSet();
        var reverted = used.Count(id => !current.Contains(id));
        if (reverted > 0) loads.Add($"{reverted} lần nạp đã bị hủy (revert)");
        return new IssueStatus((int)latest.revision_no + 1, latest.report_id, latest.issued_at, changes, loads, RuleSetId: ruleSetId)
        {
            RuleChanges = latest.rule_set_id is { } earlier && ruleSetId is { } later && earlier != later
                ? await RuleSetStore.ChangesAsync(c, null, earlier, later, ct)
                : [],
        };
    }

    /// <summary>Archives an issue (after <see cref="StatusAsync"/> told what it is, and under which rule set) and
    /// returns its id; an issue already archived with the same figures is not archived twice.</summary>
    public async Task<long> ArchiveAsync(string kind, string scope, string period, IssueStatus status, IReadOnlyDictionary<string, double?> figures,
        string ruleVersion, string fileName, byte[] content, DateTime issuedAt, string issuedBy, CancellationToken ct = default)
    {
        if (status.AlreadyIssued) return status.RevisesId!.Value;
        await using var c = await database.OpenAsync(ct);
        var snapshots = await ActiveSnapshotsAsync(c);
        await c.ExecuteAsync("""
            INSERT INTO etl_issued_report (kind, scope_code, period_code, revision_no, revises_id, issued_at, rule_version, rule_set_id,
                snapshot_ids, figures_json, changes_json, file_name, file_hash, file_content, issued_by)
            VALUES (@kind, @scope, @period, @revision, @revises, @issuedAt, @ruleVersion, @ruleSetId, @snapshotIds, @figuresJson, @changesJson,
                @fileName, @hash, @content, @issuedBy)
            """, new
        {
            kind, scope, period, revision = status.RevisionNo, revises = status.IsRevision ? status.RevisesId : null,
            issuedAt = IsoTime.Text(issuedAt), ruleVersion, ruleSetId = status.RuleSetId,
            snapshotIds = JsonSerializer.Serialize(snapshots), figuresJson = JsonSerializer.Serialize(figures),
            changesJson = status.IsRevision ? JsonSerializer.Serialize(status.Changes) : null,
            fileName, hash = Convert.ToHexString(SHA256.HashData(content)), content, issuedBy,
        });
        return await c.ExecuteScalarAsync<long>(
            "SELECT report_id FROM etl_issued_report WHERE kind = @kind AND scope_code = @scope AND period_code = @period AND revision_no = @revision",
            new { kind, scope, period, revision = status.RevisionNo });
    }

    /// <summary>An archived file exactly as it was issued.</summary>
    public async Task<byte[]> ContentAsync(long reportId, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct);
        return await c.ExecuteScalarAsync<byte[]>("SELECT file_content FROM etl_issued_report WHERE report_id = @reportId", new { reportId })
            ?? throw new ArgumentException($"No issued report {reportId}.");
    }

    private static Task<Issued?> LatestAsync(System.Data.Common.DbConnection c, string kind, string scope, string period) =>
        c.QueryFirstOrDefaultAsync<Issued?>("""
            SELECT report_id, revision_no, issued_at, figures_json, snapshot_ids, rule_set_id FROM etl_issued_report
            WHERE kind = @kind AND scope_code = @scope AND period_code = @period
            ORDER BY revision_no DESC
            """, new { kind, scope, period });

    private static async Task<long[]> ActiveSnapshotsAsync(System.Data.Common.DbConnection c) =>
        (await c.QueryAsync<long>("SELECT snapshot_id FROM etl_snapshot WHERE reverted_at IS NULL ORDER BY snapshot_id")).ToArray();

    private static bool Same(double? a, double? b) => a is null ? b is null : b is not null && Math.Abs(a.Value - b.Value) < 1e-9;
}
