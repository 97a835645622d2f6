using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using IndicatorWarehouse.Ingestion.Readers;

namespace IndicatorWarehouse.Ingestion.Validation;

/// <summary>Writes a raw row as a JSON object of original header → text, kept with quarantined rows so a
/// person sees what the file said. Vietnamese letters stay readable (not \u-escaped).</summary>
internal static class RawJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string Write(RawRow row)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using var writer = new Utf8JsonWriter(buffer, Options);
        writer.WriteStartObject();
        for (var i = 0; i < row.Values.Length; i++)
        {
            if (row.Values[i] is { } value) writer.WriteString(row.NameOf(i), value);
            else writer.WriteNull(row.NameOf(i));
        }
        writer.WriteEndObject();
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
