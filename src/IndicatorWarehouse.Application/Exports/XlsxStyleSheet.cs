using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace IndicatorWarehouse.Application.Exports;

/// <summary>Background of a cell in an export.</summary>
public enum XlsxFill { None, Header, Group }

/// <summary>How a cell of an export looks; equal looks share one cell format.</summary>
public sealed record XlsxLook(bool Bold = false, bool Italic = false, double FontSize = 11, XlsxFill Fill = XlsxFill.None,
    bool Border = true, HorizontalAlignmentValues? Align = null, uint Indent = 0, bool Wrap = false, bool Thousands = false);

/// <summary>The workbook's cell formats, registered as the writer asks for looks; index 0 is the default look.</summary>
public sealed class XlsxStyleSheet
{
    // Built-in number format 3 is "#,##0": Excel shows it with the reader's own separators (1.234 in vi-VN).
    private const uint ThousandsFormat = 3;
    private const string FontName = "Times New Roman";
    private readonly List<XlsxLook> _looks = [new(Border: false)];

    /// <summary>The cell-format index of a look, registering it the first time it is used.</summary>
    public uint Register(XlsxLook look)
    {
        var index = _looks.IndexOf(look);
        if (index < 0) { _looks.Add(look); index = _looks.Count - 1; }
        return (uint)index;
    }

    public Stylesheet Build()
    {
        var fills = new[]
        {
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),   // the two fills every workbook starts with
            Solid("FFD9D9D9"),
            Solid("FFDDEBF7"),
        };
        Border[] borders = [Edges(thin: false), Edges(thin: true)];
        return new Stylesheet(
            new Fonts(_looks.Select(Font)) { Count = (uint)_looks.Count },
            new Fills(fills) { Count = (uint)fills.Length },
            new Borders(borders) { Count = (uint)borders.Length },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(_looks.Select(Format)) { Count = (uint)_looks.Count });
    }

    /// <summary>One font per look, so a look's index is also its font's.</summary>
    private static Font Font(XlsxLook look)
    {
        var font = new Font();
        if (look.Bold) font.Append(new Bold());
        if (look.Italic) font.Append(new Italic());
        font.Append(new FontSize { Val = look.FontSize }, new FontName { Val = FontName });
        return font;
    }

    private static CellFormat Format(XlsxLook look, int index) => new(new Alignment
    {
        Horizontal = look.Align is { } align ? align : null, Vertical = VerticalAlignmentValues.Center,
        WrapText = look.Wrap ? true : null, Indent = look.Indent > 0 ? look.Indent : null,
    })
    {
        FontId = (uint)index, FillId = FillId(look.Fill), BorderId = look.Border ? 1u : 0u, FormatId = 0,
        NumberFormatId = look.Thousands ? ThousandsFormat : 0u,
        ApplyFont = true, ApplyFill = look.Fill != XlsxFill.None, ApplyBorder = look.Border, ApplyAlignment = true,
        ApplyNumberFormat = look.Thousands,
    };

    private static uint FillId(XlsxFill fill) => fill switch { XlsxFill.Header => 2, XlsxFill.Group => 3, _ => 0 };

    private static Border Edges(bool thin)
    {
        T Edge<T>() where T : BorderPropertiesType, new() => thin ? new T { Style = BorderStyleValues.Thin } : new T();
        return new Border(Edge<LeftBorder>(), Edge<RightBorder>(), Edge<TopBorder>(), Edge<BottomBorder>(), new DiagonalBorder());
    }

    private static Fill Solid(string argb) => new(new PatternFill(
        new ForegroundColor { Rgb = HexBinaryValue.FromString(argb) }, new BackgroundColor { Indexed = 64 })
        { PatternType = PatternValues.Solid });
}
