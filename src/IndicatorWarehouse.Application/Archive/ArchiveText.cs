using System.Globalization;
using System.Text;
using System.Text.Json;
using IndicatorWarehouse.Warehouse.Queries;
using static IndicatorWarehouse.Application.Operations.OperationsFormat;
using IndicatorWarehouse.Reporting.Formatting;

namespace IndicatorWarehouse.Application.Archive;

/// <summary>What `iw archive` prints: the issues as a result table (table, CSV or JSON) and one issue in detail, in
/// Vietnamese, with the command that gets its file back.</summary>
public static class ArchiveText
{
    public static QueryResult List(IReadOnlyList<IssuedReportInfo> issues, string format)
    {
        var people = ForPeople(format);
        return new QueryResult(
            ["report_id", "kind", "scope", "period", "revision_no", "revises_id", "issued_at", "rule_set_id", "file_name"],
            issues.Select(i => new object?[]
            {
                i.ReportId, i.Kind, i.ScopeCode, i.PeriodCode, i.RevisionNo, i.RevisesId, Stamp(i.IssuedAt, people), i.RuleSetId, i.FileName,
            }).ToList(),
            false);
    }

    public static string Detail(IssuedReportInfo i)
    {
        var text = new StringBuilder();
        text.AppendLine($"Báo cáo {i.ReportId} — {i.Kind} {i.ScopeCode}, kỳ {i.PeriodCode}, " +
                        (i.RevisionNo == 0 ? "bản phát hành đầu" : $"BẢN ĐIỀU CHỈNH lần {i.RevisionNo} (thay thế báo cáo {i.RevisesId})"));
        text.AppendLine($"  Phát hành lúc {Stamp(i.IssuedAt, true)}; tệp {i.FileName} (SHA-256 {i.FileHash})");
        text.AppendLine($"  Bộ quy tắc: {(i.RuleSetId is { } set ? set.ToString(CultureInfo.InvariantCulture) : ViFormat.Missing)}; " +
                        $"các lô dữ liệu đã dùng: {string.Join(", ", JsonSerializer.Deserialize<long[]>(i.SnapshotIds) ?? [])}");
        if (i.ChangesJson is { } json && JsonSerializer.Deserialize<List<FigureChange>>(json) is { Count: > 0 } changes)
        {
            text.AppendLine("  Số liệu thay đổi so với bản trước:");
            foreach (var c in changes) text.AppendLine($"    {c.Text ?? $"{c.Figure}: {Number(c.Before)} → {Number(c.After)}"}");
        }
        text.AppendLine($"  Lấy lại đúng tệp đã phát hành: iw archive save {i.ReportId} --out {i.FileName}");
        return text.ToString();
    }

    private static string Number(double? v) => v is { } x ? ViFormat.Compact(x) : ViFormat.Missing;
}
