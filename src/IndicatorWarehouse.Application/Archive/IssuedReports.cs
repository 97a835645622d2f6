using System.Security.Cryptography;
using Dapper;
using IndicatorWarehouse.Warehouse;

namespace IndicatorWarehouse.Application.Archive;

/// <summary>One archived issue of a report, without its file.</summary>
public sealed record IssuedReportInfo
{
    public long ReportId { get; init; }
    public string Kind { get; init; } = "";
    public string ScopeCode { get; init; } = "";
    public string PeriodCode { get; init; } = "";
    public long RevisionNo { get; init; }
    public long? RevisesId { get; init; }
    public DateTime IssuedAt { get; init; }
    public long? RuleSetId { get; init; }
    public string SnapshotIds { get; init; } = "";
    public string? ChangesJson { get; init; }
    public string FileName { get; init; } = "";
    public string FileHash { get; init; } = "";
}

/// <summary>What staff read back from the archive of issued reports (<see cref="ReportArchive"/> writes it): the issues,
/// one issue's record, and its file exactly as it was issued, checked against the hash taken when it was archived.</summary>
public sealed class IssuedReports(WarehouseDatabase database)
{
    private const string Select = """
        SELECT report_id AS ReportId, kind AS Kind, scope_code AS ScopeCode, period_code AS PeriodCode, revision_no AS RevisionNo,
               revises_id AS RevisesId, issued_at AS IssuedAt, rule_set_id AS RuleSetId, snapshot_ids AS SnapshotIds,
               changes_json AS ChangesJson, file_name AS FileName, file_hash AS FileHash
        FROM etl_issued_report
        """;

    /// <summary>The issues, newest first; each filter is optional.</summary>
    public async Task<IReadOnlyList<IssuedReportInfo>> ListAsync(string? kind, string? scope, string? period, CancellationToken ct = default)
    {
        await using var c = await database.OpenReadOnlyAsync(ct);
        return (await c.QueryAsync<IssuedReportInfo>(new CommandDefinition(Select + """

            WHERE (@kind IS NULL OR kind = @kind) AND (@scope IS NULL OR scope_code = @scope) AND (@period IS NULL OR period_code = @period)
            ORDER BY report_id DESC
            """, new { kind, scope, period }, cancellationToken: ct))).ToList();
    }

    public async Task<IssuedReportInfo> GetAsync(long reportId, CancellationToken ct = default)
    {
        await using var c = await database.OpenReadOnlyAsync(ct);
        return await c.QuerySingleOrDefaultAsync<IssuedReportInfo>(new CommandDefinition(Select + " WHERE report_id = @reportId",
                   new { reportId }, cancellationToken: ct))
               ?? throw new KeyNotFoundException($"Không có báo cáo đã phát hành {reportId} / no issued report {reportId} (see `iw archive list`).");
    }

    /// <summary>The file as it was issued, checked against the hash archived with it.</summary>
    public async Task<(IssuedReportInfo Info, byte[] Content)> FileAsync(long reportId, CancellationToken ct = default)
    {
        var info = await GetAsync(reportId, ct);
        var content = await new ReportArchive(database).ContentAsync(reportId, ct);
        if (!Convert.ToHexString(SHA256.HashData(content)).Equals(info.FileHash, StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"Báo cáo {reportId}: nội dung lưu trữ không khớp mã băm / the archived file of report {reportId} " +
                "does not match the hash taken when it was issued; the archive has been altered.");
        return (info, content);
    }

    /// <summary>Writes the file, as <see cref="FileAsync"/> gives it, to <paramref name="path"/>.</summary>
    public async Task SaveAsync(long reportId, string path, CancellationToken ct = default)
    {
        var (_, content) = await FileAsync(reportId, ct);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllBytesAsync(path, content, ct);
    }
}
