using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace IndicatorWarehouse.Application.Exports;

/// <summary>One worksheet laid out cell by cell (rows and columns from 1), saved as a single-sheet workbook with
/// merged ranges, frozen panes, column widths, row heights and printing set for A4 landscape, one page wide.</summary>
public sealed class XlsxSheet(string name)
{
    private readonly SortedDictionary<int, SortedDictionary<int, Cell>> _rows = [];
    private readonly Dictionary<int, double> _heights = [];
    private readonly SortedDictionary<int, double> _widths = [];
    private readonly List<string> _merges = [];
    private readonly List<string> _strings = [];
    private readonly Dictionary<string, int> _stringIndex = [];
    private (int Rows, int Columns) _frozen;
    private (int From, int To)? _printTitles;

    private readonly XlsxStyleSheet _styles = new();

    public void Text(int row, int column, string text, XlsxLook look) =>
        Put(row, column, new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(SharedString(text).ToString(CultureInfo.InvariantCulture)) }, look);

    public void Number(int row, int column, long value, XlsxLook look) =>
        Put(row, column, new Cell { CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)) }, look);

    /// <summary>An empty cell that still draws its look (borders and fill inside a merged range).</summary>
    public void Blank(int row, int column, XlsxLook look) => Put(row, column, new Cell(), look);

    public void Merge(int fromRow, int fromColumn, int toRow, int toColumn)
    {
        if (fromRow != toRow || fromColumn != toColumn) _merges.Add($"{Reference(fromRow, fromColumn)}:{Reference(toRow, toColumn)}");
    }

    public void RowHeight(int row, double points) => _heights[row] = points;
    public void ColumnWidth(int column, double characters) => _widths[column] = characters;

    /// <summary>Keeps the first <paramref name="rows"/> rows and <paramref name="columns"/> columns in view when scrolling.</summary>
    public void Freeze(int rows, int columns) => _frozen = (rows, columns);

    /// <summary>Rows printed again at the top of every page.</summary>
    public void PrintTitles(int fromRow, int toRow) => _printTitles = (fromRow, toRow);

    /// <summary>Writes the workbook; the stream must be readable and writable (a package is a zip).</summary>
    public void Save(Stream stream)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = _styles.Build();
        workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = new SharedStringTable(
            _strings.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })))
            { Count = (uint)_strings.Count, UniqueCount = (uint)_strings.Count };
        var worksheet = workbook.AddNewPart<WorksheetPart>();
        worksheet.Worksheet = new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(View()),
            new SheetFormatProperties { DefaultRowHeight = 15 },
            new Columns(_widths.Select(w => new Column { Min = (uint)w.Key, Max = (uint)w.Key, Width = w.Value, CustomWidth = true })),
            new SheetData(_rows.Select(r => Row(r.Key, r.Value))));
        if (_merges.Count > 0)
            worksheet.Worksheet.Append(new MergeCells(_merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)_merges.Count });
        worksheet.Worksheet.Append(
            new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.5, Header = 0.3, Footer = 0.3 },
            new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        workbook.Workbook.Append(new Sheets(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = name }));
        if (_printTitles is var (from, to))
            workbook.Workbook.Append(new DefinedNames(new DefinedName($"'{name}'!${from}:${to}") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 }));
    }

    /// <summary>"A1"-style reference; columns past Z go on AA, AB…</summary>
    public static string Reference(int row, int column)
    {
        var letters = "";
        for (var c = column; c > 0; c = (c - 1) / 26) letters = (char)('A' + (c - 1) % 26) + letters;
        return letters + row.ToString(CultureInfo.InvariantCulture);
    }

    private void Put(int row, int column, Cell cell, XlsxLook look)
    {
        cell.CellReference = Reference(row, column);
        cell.StyleIndex = _styles.Register(look);
        if (!_rows.TryGetValue(row, out var cells)) _rows[row] = cells = [];
        cells[column] = cell;
    }

    private int SharedString(string text)
    {
        if (_stringIndex.TryGetValue(text, out var index)) return index;
        _strings.Add(text);
        return _stringIndex[text] = _strings.Count - 1;
    }

    private Row Row(int index, SortedDictionary<int, Cell> cells)
    {
        var row = new Row(cells.Values) { RowIndex = (uint)index };
        if (_heights.TryGetValue(index, out var height)) { row.Height = height; row.CustomHeight = true; }
        return row;
    }

    private SheetView View()
    {
        var view = new SheetView { WorkbookViewId = 0, TabSelected = true };
        var (rows, columns) = _frozen;
        if (rows == 0 && columns == 0) return view;
        var topLeft = Reference(rows + 1, columns + 1);
        var pane = rows > 0 && columns > 0 ? PaneValues.BottomRight : rows > 0 ? PaneValues.BottomLeft : PaneValues.TopRight;
        view.Append(
            new Pane
            {
                HorizontalSplit = columns > 0 ? columns : null, VerticalSplit = rows > 0 ? rows : null,
                TopLeftCell = topLeft, ActivePane = pane, State = PaneStateValues.Frozen,
            },
            new Selection { Pane = pane, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } });
        return view;
    }
}
