using System.IO.Compression;
using System.Xml;
using IndicatorWarehouse.Ingestion.Records;

namespace IndicatorWarehouse.Ingestion.Readers;

/// <summary>Finds the cells of a workbook's first sheet that hold no value to load: formula cells without a cached value
/// (a file written by a program that does not calculate, or saved with calculation off) and error cells (#DIV/0!). The
/// Excel reader returns them as empty or as a number, which a count would read as 0; knowing them, the reader puts their
/// Excel literal in their place (<see cref="CellText.Uncalculated"/> for the first), which validation refuses.</summary>
internal static class XlsxFormulas
{
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>More than this many such cells: the workbook is refused whole (recalculate and save it).</summary>
    private const int MaxMarked = 10_000;

    /// <summary>The literal each such cell stands for, by its reference ("C5").</summary>
    public static IReadOnlyDictionary<string, string> Marks(ZipArchive zip, string path)
    {
        var cells = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (FirstSheet(zip) is not { } sheet) return cells;
        using var xml = XmlReader.Create(sheet.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
        try
        {
            while (xml.ReadToFollowing("c", Main))
            {
                var (reference, error) = (xml.GetAttribute("r"), xml.GetAttribute("t") == "e");
                if (xml.IsEmptyElement || reference is null) continue;
                var (formula, value) = (false, (string?)null);
                using (var cell = xml.ReadSubtree())
                    while (cell.Read())
                    {
                        if (cell.NodeType != XmlNodeType.Element) continue;
                        formula |= cell.LocalName == "f";
                        if (cell.LocalName == "v") value = cell.ReadElementContentAsString();
                    }
                var mark = error && value is not null && CellText.ErrorLiterals.Contains(value) ? value
                    : formula && value is null ? CellText.Uncalculated : null;
                if (mark is null) continue;
                cells[reference] = mark;
                if (cells.Count > MaxMarked)
                    throw new SourceRejectedException(path, ProblemText.Of(
                        $"trang tính có hơn {ProblemText.Count(MaxMarked)} ô lỗi hoặc công thức chưa được tính: hãy mở bằng Excel, sửa và lưu lại",
                        $"the sheet has more than {MaxMarked:N0} error cells or formulas without a calculated value: open it in Excel, fix and save it"));
            }
        }
        catch (XmlException)
        {
            // A damaged sheet: the Excel reader refuses it with its own message.
        }
        return cells;
    }

    /// <summary>The part of the first sheet in workbook order (the one the reader reads).</summary>
    private static ZipArchiveEntry? FirstSheet(ZipArchive zip)
    {
        try
        {
            string? id = null;
            using (var workbook = Open(zip, "xl/workbook.xml"))
                if (workbook is not null && workbook.ReadToFollowing("sheet", Main))
                    id = workbook.GetAttribute("id", Relationships);
            if (id is null) return null;
            using var rels = Open(zip, "xl/_rels/workbook.xml.rels");
            while (rels is not null && rels.Read())
                if (rels.NodeType == XmlNodeType.Element && rels.LocalName == "Relationship" && rels.GetAttribute("Id") == id)
                {
                    var target = rels.GetAttribute("Target") ?? "";
                    return zip.GetEntry(target.StartsWith('/') ? target[1..] : "xl/" + target);
                }
        }
        catch (XmlException)
        {
        }
        return null;
    }

    private static XmlReader? Open(ZipArchive zip, string name) => zip.GetEntry(name) is { } entry
        ? XmlReader.Create(entry.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit })
        : null;
}
