using System.Globalization;
using System.Text;
using System.Text.Json;
using IndicatorWarehouse.Warehouse.Queries;

namespace IndicatorWarehouse.Application.Analysis;

/// <summary>Writes a query result as an aligned text table, CSV (RFC 4180, UTF-8) or a JSON array of objects.
/// Values are written in invariant culture: these outputs are read by programs and analysts' tools.</summary>
public static class ResultFormatter
{
    public static void Write(QueryResult result, string format, TextWriter output)
    {
        switch (format)
        {
            case "csv": WriteCsv(result, output); break;
            case "json": WriteJson(result, output); break;
            case "table": WriteTable(result, output); break;
            default: throw new ArgumentException($"Unknown format '{format}': use table, csv or json.");
        }
    }

    public static void WriteCsv(QueryResult result, TextWriter output)
    {
        output.WriteLine(CsvLine(result.Columns));
        foreach (var row in result.Rows)
            output.WriteLine(CsvLine(row));
    }

    /// <summary>One CSV line of column names or values, for writers that stream rows as they are read.</summary>
    public static string CsvLine(IEnumerable<object?> values) => string.Join(',', values.Select(v => Quote(Text(v))));

    private static void WriteJson(QueryResult result, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var row in result.Rows)
            {
                json.WriteStartObject();
                for (var i = 0; i < row.Length; i++)
                {
                    json.WritePropertyName(result.Columns[i]);
                    JsonSerializer.Serialize(json, row[i]);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteTable(QueryResult result, TextWriter output)
    {
        var cells = result.Rows.Select(r => r.Select(v => v is null ? "NULL" : Text(v)).ToArray()).ToList();
        var widths = result.Columns.Select((c, i) => Math.Max(c.Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length))).ToArray();
        output.WriteLine(string.Join(" | ", result.Columns.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        output.WriteLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var row in cells)
            output.WriteLine(string.Join(" | ", row.Select((v, i) => v.PadRight(widths[i]))).TrimEnd());
        output.WriteLine($"({result.Rows.Count} dòng{(result.Truncated ? ", đã cắt bớt" : "")})");
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
