using DocumentFormat.OpenXml.Spreadsheet;
using IndicatorWarehouse.Reporting.Templates.Shared;

namespace IndicatorWarehouse.Application.Exports;

/// <summary>Biểu 06 as the workbook offices print and forward: title, reporting unit, period and data as-of above the
/// national form's three header rows (groups merged) and its column-number row, frozen while scrolling; units in bold
/// under their level, fields indented, counts as numbers with thousands separators. A revision says so above the
/// header ("BẢN ĐIỀU CHỈNH lần 1 …") and lists what changed below the grand total.</summary>
public static class Bieu06Xlsx
{
    public const string SheetName = "Biểu 06";
    public const int RevisionRow = 5, HeaderRow = 6, NumberRow = 9, FirstDataRow = 10;
    private const int LabelColumn = 2, FirstCountColumn = 3;

    private static readonly XlsxLook Title = new(Bold: true, FontSize: 13, Border: false, Align: HorizontalAlignmentValues.Center, Wrap: true);
    private static readonly XlsxLook Subtitle = new(Border: false, Align: HorizontalAlignmentValues.Center);
    private static readonly XlsxLook Note = new(Italic: true, Border: false, Align: HorizontalAlignmentValues.Center);
    private static readonly XlsxLook Header = new(Bold: true, Fill: XlsxFill.Header, Align: HorizontalAlignmentValues.Center, Wrap: true);
    private static readonly XlsxLook RevisionMark = new(Bold: true, FontSize: 12, Border: false, Align: HorizontalAlignmentValues.Center);
    private static readonly XlsxLook RevisionLine = new(Border: false, Wrap: true);
    private static readonly XlsxLook ColumnNumber = new(Italic: true, FontSize: 9, Align: HorizontalAlignmentValues.Center);

    public static void Write(Bieu06Report report, Stream stream)
    {
        var sheet = new XlsxSheet(SheetName);
        var lastColumn = FirstCountColumn + Bieu06Columns.Counts.Count - 1;
        WriteHeading(sheet, report, lastColumn);
        WriteColumnHeaders(sheet);
        var row = FirstDataRow;
        foreach (var line in report.Rows) WriteRow(sheet, row++, line);
        if (report.Revision is { } revision) WriteRevision(sheet, revision, row + 1, lastColumn);

        sheet.ColumnWidth(1, 7);
        sheet.ColumnWidth(LabelColumn, 50);
        for (var c = FirstCountColumn; c <= lastColumn; c++) sheet.ColumnWidth(c, 14);
        sheet.Freeze(NumberRow, LabelColumn);
        sheet.PrintTitles(HeaderRow, NumberRow);
        sheet.Save(stream);
    }

    private static void WriteHeading(XlsxSheet sheet, Bieu06Report report, int lastColumn)
    {
        string[] lines = [Bieu06Columns.Title, $"Đơn vị báo cáo: {report.Scope}", report.PeriodLine, report.AsOfLine];
        XlsxLook[] looks = [Title, Subtitle, Subtitle, Note];
        for (var i = 0; i < lines.Length; i++)
        {
            sheet.Text(i + 1, 1, lines[i], looks[i]);
            sheet.Merge(i + 1, 1, i + 1, lastColumn);
        }
        sheet.RowHeight(1, 36);
    }

    private static void WriteRevision(XlsxSheet sheet, RevisionNote revision, int firstNoteRow, int lastColumn)
    {
        sheet.Text(RevisionRow, 1, revision.Heading + " (nội dung điều chỉnh ở cuối biểu)", RevisionMark);
        sheet.Merge(RevisionRow, 1, RevisionRow, lastColumn);
        foreach (var (text, i) in revision.TextLines().Select((t, i) => (t, i)))
        {
            sheet.Text(firstNoteRow + i, 1, text, i == 0 ? RevisionMark with { Align = HorizontalAlignmentValues.Left } : RevisionLine);
            sheet.Merge(firstNoteRow + i, 1, firstNoteRow + i, lastColumn);
        }
    }

    /// <summary>Row 6: STT, label and the three groups; row 7: each group's "Tổng số" and other columns, or a
    /// sub-group ("Trong đó") over row 8's columns; row 9: the column numbers.</summary>
    private static void WriteColumnHeaders(XlsxSheet sheet)
    {
        var columns = Bieu06Columns.Counts;
        for (var r = HeaderRow; r < NumberRow; r++)
            for (var c = 1; c < FirstCountColumn + columns.Count; c++) sheet.Blank(r, c, Header);
        HeaderCell(sheet, HeaderRow, 1, NumberRow - 1, 1, Bieu06Columns.Number);
        HeaderCell(sheet, HeaderRow, LabelColumn, NumberRow - 1, LabelColumn, Bieu06Columns.Label);
        foreach (var (from, to) in Runs(c => c.Group))
            HeaderCell(sheet, HeaderRow, FirstCountColumn + from, HeaderRow, FirstCountColumn + to, columns[from].Group);
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].SubGroup is null) HeaderCell(sheet, HeaderRow + 1, FirstCountColumn + i, HeaderRow + 2, FirstCountColumn + i, columns[i].Header);
            else sheet.Text(HeaderRow + 2, FirstCountColumn + i, columns[i].Header, Header);
        }
        foreach (var (from, to) in Runs(c => c.SubGroup).Where(run => columns[run.From].SubGroup is not null))
            HeaderCell(sheet, HeaderRow + 1, FirstCountColumn + from, HeaderRow + 1, FirstCountColumn + to, columns[from].SubGroup!);
        foreach (var (text, i) in Bieu06Columns.NumberRow().Select((t, i) => (t, i)))
            sheet.Text(NumberRow, i + 1, text, ColumnNumber);
        sheet.RowHeight(HeaderRow, 32);
        sheet.RowHeight(HeaderRow + 1, 32);
        sheet.RowHeight(HeaderRow + 2, 80);
    }

    private static void HeaderCell(XlsxSheet sheet, int fromRow, int fromColumn, int toRow, int toColumn, string text)
    {
        sheet.Text(fromRow, fromColumn, text, Header);
        sheet.Merge(fromRow, fromColumn, toRow, toColumn);
    }

    /// <summary>Runs of neighbouring count columns (0-based, inclusive) that share a header.</summary>
    private static IEnumerable<(int From, int To)> Runs(Func<Bieu06Column, string?> key)
    {
        var columns = Bieu06Columns.Counts;
        for (int from = 0, to; from < columns.Count; from = to + 1)
        {
            for (to = from; to + 1 < columns.Count && key(columns[to + 1]) == key(columns[from]); to++) { }
            yield return (from, to);
        }
    }

    private static void WriteRow(XlsxSheet sheet, int row, Bieu06Row line)
    {
        var bold = line.Kind != Bieu06RowKind.Field;
        var fill = line.Kind is Bieu06RowKind.Level or Bieu06RowKind.Total ? XlsxFill.Group : XlsxFill.None;
        var text = new XlsxLook(Bold: bold, Fill: fill);
        sheet.Text(row, 1, line.Number, text with { Align = HorizontalAlignmentValues.Center });
        sheet.Text(row, LabelColumn, line.Label, text with { Indent = line.Kind == Bieu06RowKind.Field ? 2u : 0u, Wrap = true });
        foreach (var (column, i) in Bieu06Columns.Counts.Select((c, i) => (c, i)))
            sheet.Number(row, FirstCountColumn + i, column.Value(line.Counts), text with { Thousands = true });
    }
}
