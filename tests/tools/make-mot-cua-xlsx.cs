// Regenerates src/reference/samples/mot-cua-excel.xlsx from its CSV twin (mot-cua-excel.csv), the way the
// one-stop software exports it: dates as real date cells (except "Ngày hẹn trả", which that export writes as
// text), amounts and counts as numbers, everything else as text.
// Run from the repository root: dotnet run tests/tools/make-mot-cua-xlsx.cs
#:project ../../src/IndicatorWarehouse.Ingestion/IndicatorWarehouse.Ingestion.csproj
#:property PublishAot=false
using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using IndicatorWarehouse.Ingestion.Readers;

const string samples = "src/reference/samples";
string[] dateColumns = ["Ngày tiếp nhận", "Ngày có kết quả", "Ngày trả kết quả"];
string[] numberColumns = ["STT", "Phí lệ phí", "Số lần bổ sung", "Số ngày chờ bổ sung"];

using var csv = RawRowReader.Open(Path.Combine(samples, "mot-cua-excel.csv"));
var header = csv.Header!;
var sheet = new StringBuilder();
sheet.Append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>")
    .Append("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
AppendRow(1, header.Names.Select(n => Cell.Text(n)));
var rowNumber = 1;
foreach (var row in csv.ReadAll())
    AppendRow(++rowNumber, row.Values.Select((v, i) => Typed(header.Names[i], v ?? "")));
sheet.Append("</sheetData></worksheet>");

var target = Path.Combine(samples, "mot-cua-excel.xlsx");
File.Delete(target);
using (var zip = ZipFile.Open(target, ZipArchiveMode.Create))
{
    Add(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>""");
    Add(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
    Add(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Danh sách hồ sơ" sheetId="1" r:id="rId1"/></sheets></workbook>""");
    Add(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""");
    // Style 1: the custom date-time format dd/mm/yyyy hh:mm that Vietnamese exports use.
    Add(zip, "xl/styles.xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>""");
    Add(zip, "xl/worksheets/sheet1.xml", sheet.ToString());
}
Console.WriteLine($"wrote {target}: {rowNumber - 1} dossiers");

Cell Typed(string column, string text)
{
    if (text.Length == 0) return Cell.Empty;
    if (dateColumns.Contains(column))
        return Cell.Date(DateTime.ParseExact(text, "dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture));
    if (numberColumns.Contains(column))
        return Cell.Number(decimal.Parse(text.Replace(".", "").Replace(',', '.'), CultureInfo.InvariantCulture));
    return Cell.Text(text);
}

void AppendRow(int number, IEnumerable<Cell> cells)
{
    sheet.Append($"<row r=\"{number}\">");
    var column = 0;
    foreach (var cell in cells)
    {
        var reference = $"{ColumnName(column++)}{number}";
        sheet.Append(cell.Kind switch
        {
            CellKind.Text => $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(cell.Value)}</t></is></c>",
            CellKind.Number => $"<c r=\"{reference}\"><v>{cell.Value}</v></c>",
            CellKind.Date => $"<c r=\"{reference}\" s=\"1\"><v>{cell.Value}</v></c>",
            _ => "",
        });
    }
    sheet.Append("</row>");
}

static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : $"{(char)('A' + index / 26 - 1)}{(char)('A' + index % 26)}";

static void Add(ZipArchive zip, string name, string content)
{
    using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
    writer.Write(content);
}

enum CellKind { Empty, Text, Number, Date }

readonly record struct Cell(CellKind Kind, string Value)
{
    public static readonly Cell Empty = new(CellKind.Empty, "");
    public static Cell Text(string value) => new(CellKind.Text, value);
    public static Cell Number(decimal value) => new(CellKind.Number, value.ToString(CultureInfo.InvariantCulture));
    public static Cell Date(DateTime value) => new(CellKind.Date, value.ToOADate().ToString("R", CultureInfo.InvariantCulture));
}
