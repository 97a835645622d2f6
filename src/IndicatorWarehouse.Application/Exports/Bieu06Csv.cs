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
        using var text = new StreamWriter(stream, SafeCsv.Utf8WithBom, leaveOpen: true);
        var csv = new SafeCsv(text);
        csv.WriteRow(Headers);
        foreach (var row in report.Rows)
            csv.WriteRow([report.Period.Code, row.Number, KindName(row.Kind), row.LevelLabel ?? "", row.AgencyCode ?? "", row.FieldCode ?? "",
                row.Label, .. Bieu06Columns.Counts.Select(c => (object?)c.Value(row.Counts)), report.ProvisionalMark ?? "chính thức"]);
    }

    private static string KindName(Bieu06RowKind kind) => kind switch
    {
        Bieu06RowKind.Level => "Cấp",
        Bieu06RowKind.Unit => "Đơn vị",
        Bieu06RowKind.Field => "Lĩnh vực",
        _ => "Tổng cộng",
    };
}
