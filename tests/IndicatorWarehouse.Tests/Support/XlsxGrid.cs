using ExcelDataReader;

namespace IndicatorWarehouse.Tests.Support;

/// <summary>Reads a workbook back with ExcelDataReader, an independent reader, as Excel users would see it.</summary>
public static class XlsxGrid
{
    /// <summary>Every row of the first sheet.</summary>
    public static List<object?[]> Read(Stream stream)
    {
        // ExcelDataReader's configuration asks for code page 1252 even for XLSX.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        var rows = new List<object?[]>();
        while (reader.Read())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i) is var v && v is not DBNull ? v : null).ToArray());
        return rows;
    }
}
