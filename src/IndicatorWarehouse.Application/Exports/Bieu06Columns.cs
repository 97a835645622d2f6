using IndicatorWarehouse.Warehouse.Queries;

namespace IndicatorWarehouse.Application.Exports;

/// <summary>A count column of Biểu 06 under its group header (and the "Trong đó" sub-header where the form has one).</summary>
/// <param name="Code">a stable name for the column, under which an issue archives its cells</param>
public sealed record Bieu06Column(string Code, string Group, string? SubGroup, string Header, Func<Bieu06Counts, long> Value)
{
    /// <summary>The header in one line, for files that have one header row (CSV).</summary>
    public string FullName => $"{Group}: {Header}";
}

/// <summary>The columns of the national form, in its order, with its Vietnamese headers.</summary>
public static class Bieu06Columns
{
    public const string Title = "BIỂU 06 — KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH";
    public const string Number = "STT";
    public const string Label = "Đơn vị / Lĩnh vực";
    public const string Total = "Tổng số";

    private const string Received = "Số hồ sơ nhận giải quyết", Processed = "Số hồ sơ đã giải quyết", Pending = "Số hồ sơ đang giải quyết";
    private const string OfWhich = "Trong đó";

    public static IReadOnlyList<Bieu06Column> Counts { get; } =
    [
        new("received_total", Received, null, Total, c => c.ReceivedTotal),
        new("received_online", Received, OfWhich, "Số mới tiếp nhận trực tuyến", c => c.ReceivedOnline),
        new("received_offline", Received, OfWhich, "Số mới tiếp nhận trực tiếp và dịch vụ bưu chính công ích", c => c.ReceivedOffline),
        new("carried_over", Received, OfWhich, "Số kỳ trước chuyển qua", c => c.CarriedOver),
        new("processed_total", Processed, null, Total, c => c.ProcessedTotal),
        new("processed_early", Processed, null, "Trả trước hạn", c => c.ProcessedEarly),
        new("processed_on_time", Processed, null, "Trả đúng hạn", c => c.ProcessedOnTime),
        new("processed_late", Processed, null, "Trả quá hạn", c => c.ProcessedLate),
        new("pending_total", Pending, null, Total, c => c.PendingTotal),
        new("pending_within_due", Pending, null, "Chưa đến hạn", c => c.PendingWithinDue),
        new("pending_overdue", Pending, null, "Quá hạn", c => c.PendingOverdue),
    ];

    /// <summary>The form's column-number row: (1), (2), and for each group total "(3)=(4)+(5)+(6)".</summary>
    public static IReadOnlyList<string> NumberRow()
    {
        const int firstCount = 3;
        var numbers = new List<string> { "(1)", "(2)" };
        for (var i = 0; i < Counts.Count; i++)
        {
            var column = Counts[i];
            var parts = Enumerable.Range(0, Counts.Count)
                .Where(j => j != i && Counts[j].Group == column.Group).Select(j => $"({j + firstCount})").ToList();
            numbers.Add(column.Header == Total && parts.Count > 0 ? $"({i + firstCount})={string.Join("+", parts)}" : $"({i + firstCount})");
        }
        return numbers;
    }
}
