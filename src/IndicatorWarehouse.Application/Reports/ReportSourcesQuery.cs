using System.Data.Common;
using Dapper;
using IndicatorWarehouse.Reporting.Templates.Shared;

namespace IndicatorWarehouse.Application.Reports;

/// <summary>Where a report's figures come from: the snapshots loaded (not reverted) per source, and the data's as-of moment.</summary>
public static class ReportSourcesQuery
{
    /// <summary>The sources whose as-of moment is the data's: measures are counted from them.</summary>
    private static readonly string[] MeasuredSources = ["onestop", "pakn", "digitization"];

    // Properties, not a positional record: Dapper then converts each column (as_of is text on SQLite, datetime2 on
    // SQL Server; rows_read may come back as int or bigint).
    private sealed record SnapshotRow
    {
        public string source { get; init; } = "";
        public string file_name { get; init; } = "";
        public DateTime as_of { get; init; }
        public long rows_read { get; init; }
    }

    public static async Task<ReportSources> LoadAsync(DbConnection c, IReadOnlyList<string> ruleVersions)
    {
        var rows = (await c.QueryAsync<SnapshotRow>(
            "SELECT source, file_name, as_of, rows_read FROM etl_snapshot WHERE reverted_at IS NULL ORDER BY source, snapshot_id")).ToList();
        var sources = rows.GroupBy(r => r.source)
            .OrderBy(g => Array.IndexOf(MeasuredSources, g.Key) is var i and >= 0 ? i : MeasuredSources.Length)
            .Select(g => new SourceSummary(g.Key, g.Count(), g.First().file_name, g.Last().file_name,
                g.Max(r => (DateTime?)r.as_of), g.Sum(r => r.rows_read)))
            .ToList();
        var asOf = sources.Where(s => MeasuredSources.Contains(s.Source)).Max(s => s.LatestAsOf);
        return new ReportSources(asOf, sources, ruleVersions);
    }
}
