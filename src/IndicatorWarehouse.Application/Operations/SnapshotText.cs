using System.Globalization;
using System.Text;
using IndicatorWarehouse.Warehouse.Queries;
using IndicatorWarehouse.Warehouse.Snapshots;
using static IndicatorWarehouse.Application.Operations.OperationsFormat;

namespace IndicatorWarehouse.Application.Operations;

/// <summary>What `iw snapshots` prints: the list as a result table (table, CSV or JSON), one snapshot in detail, and
/// what a revert did — in Vietnamese, with the commands to run next.</summary>
public static class SnapshotText
{
    public static QueryResult List(IReadOnlyList<SnapshotInfo> snapshots, string format)
    {
        var people = ForPeople(format);
        return new QueryResult(
            ["snapshot_id", "source", "file_name", "as_of", "loaded_at", "rows_read", "rows_inserted", "rows_updated",
             "rows_unchanged", "rows_quarantined", "reverted_at"],
            snapshots.Select(s => new object?[]
            {
                s.SnapshotId, s.Source, s.FileName, Stamp(s.AsOf, people), Stamp(s.LoadedAt, people), s.RowsRead, s.RowsInserted,
                s.RowsUpdated, s.RowsUnchanged, s.RowsQuarantined, Stamp(s.RevertedAt, people),
            }).ToList(),
            false);
    }

    public static string Detail(SnapshotInfo s, SnapshotImpact impact)
    {
        var text = new StringBuilder();
        text.AppendLine(Vi($"Lô {s.SnapshotId} — nguồn {s.Source}, tệp {s.FileName}{(s.Profile is null ? "" : $" (hồ sơ {s.Profile})")}"));
        text.AppendLine(Vi($"  Thời điểm dữ liệu: {Stamp(s.AsOf, true)}; nạp lúc {Stamp(s.LoadedAt, true)} (phiên bản {s.CodeVersion})"));
        text.Append(Vi($"  Đã đọc {s.RowsRead:N0} dòng: thêm mới {s.RowsInserted:N0}, cập nhật {s.RowsUpdated:N0}, "));
        text.AppendLine(Vi($"không đổi {s.RowsUnchanged:N0}, cách ly {s.RowsQuarantined:N0}"));
        text.AppendLine(Vi($"  Cách ly: {impact.QuarantineOpen:N0} chưa xử lý, {impact.QuarantineResolved:N0} đã xử lý"));
        if (s.RevertedAt is { } reverted)
        {
            text.AppendLine($"  Đã hoàn tác lúc {Stamp(reverted, true)}; tệp này có thể nạp lại.");
            return text.ToString();
        }
        text.AppendLine(Vi($"  Hoàn tác sẽ: xóa {impact.Inserted:N0} bản ghi do lô này thêm, khôi phục {impact.Replaced:N0} bản ghi về phiên bản trước"));
        text.AppendLine(impact.LaterSnapshots.Count == 0
            ? Vi($"  Có thể hoàn tác: iw snapshots revert {s.SnapshotId}")
            : Vi($"  Chưa thể hoàn tác riêng: các lô sau đã thay đổi cùng bản ghi ({string.Join(", ", impact.LaterSnapshots)}); hoàn tác chúng trước, hoặc: iw snapshots revert {s.SnapshotId} --cascade"));
        return text.ToString();
    }

    public static string Reverted(IReadOnlyList<RevertedSnapshot> reverted)
    {
        var text = new StringBuilder();
        foreach (var r in reverted)
            text.AppendLine(Vi($"Đã hoàn tác lô {r.SnapshotId} ({r.Source}, {r.FileName}): khôi phục {r.Restored:N0} bản ghi, xóa {r.Removed:N0} bản ghi."));
        text.AppendLine("Các kỳ bị ảnh hưởng đã được đánh dấu để tính lại: chạy `iw build`.");
        return text.ToString();
    }

    // Counts as people read them in Vietnamese (1.234); dates are formatted explicitly.
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private static string Vi(FormattableString text) => text.ToString(Vietnamese);
}
