using System.Text;

namespace IndicatorWarehouse.Application.Alerts;

/// <summary>The daily digest e-mail: a subject and a plain Vietnamese body, alerts grouped by kind.</summary>
public static class AlertDigest
{
    private static readonly (string Kind, string Heading)[] Sections =
    [
        ("failed_job", "Tác vụ lỗi"), ("stale_source", "Nguồn dữ liệu chưa cập nhật"),
        ("target_missed", "Chỉ tiêu chưa đạt mục tiêu"), ("falling_due", "Hồ sơ sắp đến hạn"),
    ];

    public static string Subject(DateTime day, IReadOnlyList<Alert> alerts) =>
        $"[IndicatorWarehouse] Cảnh báo ngày {day:dd/MM/yyyy}: {alerts.Count} mục";

    public static string Body(DateTime day, IReadOnlyList<Alert> alerts)
    {
        var s = new StringBuilder($"Tổng hợp cảnh báo ngày {day:dd/MM/yyyy} (lập lúc {day:HH:mm}).\n");
        if (alerts.Count == 0) s.AppendLine("\nKhông có cảnh báo nào.");
        foreach (var (kind, heading) in Sections)
        {
            var items = alerts.Where(a => a.Kind == kind).ToList();
            if (items.Count == 0) continue;
            s.AppendLine($"\n{heading} ({items.Count}):");
            foreach (var a in items) s.AppendLine("- " + a.Message);
        }
        return s.ToString();
    }
}
