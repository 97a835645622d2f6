using System.Globalization;
using System.Text;
using CsvHelper;

namespace IndicatorWarehouse.Application.Exports;

/// <summary>Biểu 06 as CSV for tools and analysts: UTF-8 with a byte-order mark (Excel reads Vietnamese right only
/// with it), one header row with full column names, and columns that tell each row's period, kind, level, unit and field
/// so a filter can keep e.g. only unit rows without double counting; "Số liệu" says whether the period's counts are
/// final ("chính thức") or still open ("tạm tính đến dd/MM/yyyy").</summary>
public static class Bieu06Csv
{
    public static readonly IReadOnlyList<string> Headers =
        ["Kỳ báo cáo", Bieu06Columns.Number, "Loại dòng", "Cấp", "Mã đơn vị", "Mã lĩnh vực", Bieu06Columns.Label, .. Bieu06Columns.Counts.Select(c => c.FullName), "Số liệu"];

    public static void Write(Bieu06Report report, Stream stream)
    {
        using var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        using var csv = new CsvWriter(text, CultureInfo.InvariantCulture);
        foreach (var header in Headers) csv.WriteField(header);
        csv.NextRecord();
        foreach (var row in report.Rows)
        {
            csv.WriteField(report.Period.Code);
            csv.WriteField(row.Number);
            csv.WriteField(KindName(row.Kind));
            csv.WriteField(row.LevelLabel ?? "");
            csv.WriteField(row.AgencyCode ?? "");
            csv.WriteField(row.FieldCode ?? "");
            csv.WriteField(row.Label);
            foreach (var column in Bieu06Columns.Counts) csv.WriteField(column.Value(row.Counts));
            csv.WriteField(report.ProvisionalMark ?? "chính thức");
            csv.NextRecord();
        }
    }

    private static string KindName(Bieu06RowKind kind) => kind switch
    {
        Bieu06RowKind.Level => "Cấp",
        Bieu06RowKind.Unit => "Đơn vị",
        Bieu06RowKind.Field => "Lĩnh vực",
        _ => "Tổng cộng",
    };
}
