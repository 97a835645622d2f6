using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using IndicatorWarehouse.Ingestion.Readers;

namespace IndicatorWarehouse.Ingestion.Validation;

/// <summary>Writes a raw row as a JSON object of original header → text, kept with quarantined rows so a
/// person sees what the file said. Vietnamese letters stay readable (not \u-escaped). Not thread-safe:
/// one instance per file being read.</summary>
internal sealed class RawJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;

    public RawJson() => _writer = new Utf8JsonWriter(_buffer, Options);

    public string Write(RawRow row)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _writer.WriteStartObject();
        for (var i = 0; i < row.Values.Length; i++)
        {
            if (row.Values[i] is { } value) _writer.WriteString(row.NameOf(i), value);
            else _writer.WriteNull(row.NameOf(i));
        }
        _writer.WriteEndObject();
        _writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }
}
