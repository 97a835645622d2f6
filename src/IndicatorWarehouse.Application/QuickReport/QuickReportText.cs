using System.Globalization;
using System.Text;
using IndicatorWarehouse.Domain.Calendar;
using IndicatorWarehouse.Warehouse.Queries;
using IndicatorWarehouse.Reporting.Formatting;

namespace IndicatorWarehouse.Application.QuickReport;

/// <summary>The quick report as plain Vietnamese text, laid out as the annex of seed 001 asks.</summary>
public static class QuickReportText
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Render(QuickReport r)
    {
        var d = r.Dossiers;
        var s = new StringBuilder();
        s.AppendLine("BÁO CÁO NHANH");
        s.AppendLine("Kết quả giải quyết hồ sơ TTHC và số hóa hồ sơ");
        s.AppendLine($"Đơn vị: {r.AgencyName} ({r.AgencyCode})");
        s.AppendLine($"Số liệu từ {r.From:dd/MM/yyyy} đến hết ngày {r.Date:dd/MM/yyyy}" + (r.DataAsOf is { } asOf ? $"; dữ liệu cập nhật đến {AsOf(asOf)}" : ""));
        s.AppendLine();
        s.AppendLine("1. Kết quả giải quyết hồ sơ TTHC");
        s.AppendLine($"- Tổng số hồ sơ TTHC: {N(d.Total)} (tiếp nhận trong kỳ {N(d.ReceivedInRange)}, kỳ trước chuyển qua {N(d.Total - d.ReceivedInRange)})");
        s.AppendLine($"- Số hồ sơ đã xử lý/tổng số hồ sơ: {N(d.Processed)}/{N(d.Total)}{Percent(d.Processed, d.Total)}");
        s.AppendLine($"  + Số hồ sơ xử lý trước hạn: {N(d.Early)}");
        s.AppendLine($"  + Số hồ sơ xử lý đúng hạn: {N(d.OnTime)}");
        s.AppendLine($"  + Số hồ sơ trễ hạn: {N(d.Late)}{(d.Late == 0 ? "" : ", lý do cụ thể:")}");
        foreach (var l in r.Late)
            s.AppendLine($"    • {l.dossier_code} — {l.procedure_name}: hẹn {Day(l.deadline_date_key)}, có kết quả {Date(l.finished_at)}; lý do: {l.late_reason ?? "chưa ghi lý do"}");
        s.AppendLine($"- Hồ sơ đang giải quyết: {N(d.Pending)}, trong đó quá hạn: {N(d.PendingOverdue)}");
        s.AppendLine(d.Late == 0
            ? "- Việc thực hiện xin lỗi người dân, doanh nghiệp khi để xảy ra trễ hạn: không có hồ sơ trễ hạn."
            : $"- Việc thực hiện xin lỗi người dân, doanh nghiệp khi để xảy ra trễ hạn: đã xin lỗi {N(d.LateWithApology)}/{N(d.Late)} hồ sơ trễ hạn{Percent(d.LateWithApology, d.Late)}");
        var p = r.Pakn;
        s.AppendLine($"- Xử lý phản ánh, kiến nghị: tiếp nhận {N(p.Received)}, đã xử lý {N(p.Handled)} (đúng hạn {N(p.HandledOnTime)}), đang xử lý {N(p.Pending)} (quá hạn {N(p.PendingOverdue)})");
        s.AppendLine();
        s.AppendLine("2. Kết quả thực hiện số hóa hồ sơ");
        s.AppendLine($"- Hồ sơ được số hóa khi tiếp nhận: {N(d.Digitized)}/{N(d.ReceivedInRange)}{Percent(d.Digitized, d.ReceivedInRange)}");
        s.AppendLine($"- Kết quả giải quyết được cấp bản điện tử: {N(d.ResultElectronic)}/{N(d.ResultRequired)}{Percent(d.ResultElectronic, d.ResultRequired)}");
        s.AppendLine();
        s.AppendLine($"3. Hồ sơ sắp đến hạn trong {r.DueDays.Count} ngày làm việc tới ({string.Join(", ", r.DueDays.Select(x => ViFormat.Date(x)))}): {r.FallingDue.Count}");
        foreach (var l in r.FallingDue)
            s.AppendLine($"    • {l.dossier_code} — {l.procedure_name}: hạn {Day(l.deadline_date_key)}, tiếp nhận {Date(l.received_at)}");
        return s.ToString();
    }

    private static string N(long n) => n.ToString("#,0", Vi);

    private static string Percent(long part, long whole) =>
        whole == 0 ? " (—)" : $" ({(100.0 * part / whole).ToString("0.0", Vi)} %)";

    private static string Day(long? key) => ViFormat.Date(key is { } k ? DateKey.ToDate((int)k) : null);

    private static string Date(DateTime? at) => ViFormat.Date(at is { } t ? DateOnly.FromDateTime(t) : null);

    private static string AsOf(DateTime at) => at.ToString("HH:mm dd/MM/yyyy");
}
