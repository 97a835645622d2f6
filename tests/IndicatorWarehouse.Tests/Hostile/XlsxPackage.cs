using System.IO.Compression;
using System.Text;

namespace IndicatorWarehouse.Tests.Hostile;

/// <summary>A minimal .xlsx package written part by part, so a test can make a workbook a spreadsheet program never
/// would: a huge shared string, a sheet of empty rows, a formula without its cached value, random parts.</summary>
public static class XlsxPackage
{
    private const string ContentTypes = """
        <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
        <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>
        """;
    private const string RootRels = """
        <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """;
    private const string Workbook = """
        <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
        <sheets><sheet name="Ho so" sheetId="1" r:id="rId1"/></sheets></workbook>
        """;
    private const string WorkbookRels = """
        <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>
        """;
    public const string SheetStart = """<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""";
    public const string SheetEnd = "</sheetData></worksheet>";
    public const string StringsStart = """<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""";
    public const string StringsEnd = "</sst>";

    /// <summary>Writes the package; <paramref name="sheet"/> and <paramref name="strings"/> write their parts' whole text.</summary>
    public static void Write(string path, Action<TextWriter> sheet, Action<TextWriter> strings)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Part(zip, "[Content_Types].xml", w => w.Write(ContentTypes));
        Part(zip, "_rels/.rels", w => w.Write(RootRels));
        Part(zip, "xl/workbook.xml", w => w.Write(Workbook));
        Part(zip, "xl/_rels/workbook.xml.rels", w => w.Write(WorkbookRels));
        Part(zip, "xl/worksheets/sheet1.xml", sheet);
        Part(zip, "xl/sharedStrings.xml", strings);
    }

    /// <summary>A sheet of inline-string rows (the first the header). A cell "=…" is written as a formula without a cached
    /// value, a cell "#…!" as an error cell.</summary>
    public static Action<TextWriter> Rows(IEnumerable<string[]> rows) => w =>
    {
        w.Write(SheetStart);
        var r = 1;
        foreach (var row in rows)
        {
            w.Write($"<row r=\"{r}\">");
            for (var c = 0; c < row.Length; c++)
            {
                var (at, text) = ($"{Column(c)}{r}", System.Security.SecurityElement.Escape(row[c]));
                if (row[c].Length == 0) continue;
                if (row[c].StartsWith('=')) w.Write($"<c r=\"{at}\"><f>{text[1..]}</f></c>");
                else if (row[c].StartsWith('#') && row[c].EndsWith('!')) w.Write($"<c r=\"{at}\" t=\"e\"><v>{text}</v></c>");
                else w.Write($"<c r=\"{at}\" t=\"inlineStr\"><is><t>{text}</t></is></c>");
            }
            w.Write("</row>");
            r++;
        }
        w.Write(SheetEnd);
    };

    public static Action<TextWriter> NoStrings => w => w.Write(StringsStart + StringsEnd);

    public static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column(index / 26 - 1) + (char)('A' + index % 26);

    private static void Part(ZipArchive zip, string name, Action<TextWriter> write)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var text = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        write(text);
    }
}
