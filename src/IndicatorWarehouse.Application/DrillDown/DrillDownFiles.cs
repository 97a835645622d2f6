using IndicatorWarehouse.Application.Analysis;
using IndicatorWarehouse.Application.Exports;
using IndicatorWarehouse.Warehouse.Queries;
using IndicatorWarehouse.Reporting.Formatting;

namespace IndicatorWarehouse.Application.DrillDown;

/// <summary>A drill-down as a worksheet (what staff work through in Excel) or a UTF-8 CSV with BOM.</summary>
public static class DrillDownFiles
{
    private static readonly string[] Headers = ["STT", "Mã hồ sơ / PAKN", "Thủ tục / Loại", "Lĩnh vực / Kênh", "Ngày tiếp nhận", "Tính vào tử số", "Lý do"];

    public static void WriteXlsx(DrillDownResult drill, Stream stream)
    {
        var sheet = new XlsxSheet("Chi tiết");
        var title = new XlsxLook(Bold: true, FontSize: 13);
        var header = new XlsxLook(Bold: true, Fill: XlsxFill.Header);
        var cell = new XlsxLook();
        sheet.Text(1, 1, $"{drill.Indicator.NameVi} — {drill.AgencyName} — {Domain.Periods.PeriodLabel.Vietnamese(drill.Period)}", title);
        sheet.Text(2, 1, Summary(drill), cell);
        for (var c = 0; c < Headers.Length; c++) sheet.Text(4, c + 1, Headers[c], header);
        var row = 5;
        foreach (var r in drill.Rows)
        {
            sheet.Number(row, 1, row - 4, cell);
            sheet.Text(row, 2, r.Code, cell);
            sheet.Text(row, 3, r.Title ?? "", cell);
            sheet.Text(row, 4, r.Field ?? "", cell);
            sheet.Text(row, 5, ViFormat.Timestamp(r.ReceivedAt), cell);
            sheet.Text(row, 6, r.InNumerator ? "Có" : "Không", cell);
            sheet.Text(row, 7, r.Reason, cell);
            row++;
        }
        foreach (var (column, width) in new[] { (1, 6.0), (2, 28.0), (3, 48.0), (4, 26.0), (5, 17.0), (6, 12.0), (7, 70.0) })
            sheet.ColumnWidth(column, width);
        sheet.Freeze(4, 0);
        sheet.PrintTitles(4, 4);
        sheet.Save(stream);
    }

    public static void WriteCsv(DrillDownResult drill, TextWriter output) =>
        ResultFormatter.WriteCsv(new QueryResult(Headers,
            drill.Rows.Select((r, i) => new object?[] { i + 1, r.Code, r.Title, r.Field, ViFormat.Timestamp(r.ReceivedAt), r.InNumerator ? "Có" : "Không", r.Reason }).ToList(),
            false), output);

    /// <summary>"Tử số 12 / mẫu số 40" for a rate, "Số lượng 12" for a count.</summary>
    public static string Summary(DrillDownResult drill) => drill.Denominator is { } den
        ? $"Tử số {drill.Numerator} / mẫu số {den}"
        : $"Số lượng {drill.Numerator}";
}
