using System.Text.Json;
using IndicatorWarehouse.Ingestion.Records;

namespace IndicatorWarehouse.Ingestion.Readers;

/// <summary>Streams a JSON array of objects one element at a time through a growing byte window, so a large
/// snapshot is never held whole. Row numbers are element numbers (1-based). Strings stay text; numbers keep
/// their literal (with the file's decimal separator), booleans become 0/1, null stays null, nested values
/// are kept as their JSON text.</summary>
internal sealed class JsonRowReader : RawRowReader
{
    private readonly FileStream _stream;
    private readonly ReadOptions _options;
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _final;
    private bool _inArray;
    private bool _done;
    private JsonReaderState _state;
    private int _element;
    private RawHeader? _lastHeader;
    private RawRow? _firstRow;

    public JsonRowReader(string path, ReadOptions options) : base(path)
    {
        _options = options;
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        Refill();
        if (_buffer.AsSpan(0, _end).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) _start = 3;
        // The first element names the columns, so it is read now; TryRead hands it out first.
        if (ReadElement() is { } first) _firstRow = first;
        Header = _firstRow?.Header;
    }

    public override RawHeader? Header { get; }

    public override bool TryRead(out RawRow row)
    {
        if (_firstRow is { } first)
        {
            _firstRow = null;
            row = first;
            return true;
        }
        var next = ReadElement();
        row = next ?? default;
        return next is not null;
    }

    private RawRow? ReadElement()
    {
        if (_done) return null;
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            try
            {
                if (!reader.Read())
                {
                    if (_final) throw Truncated();
                    Refill();
                    continue;
                }
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartArray when !_inArray:
                        _inArray = true;
                        Advance(ref reader);
                        continue;
                    case JsonTokenType.EndArray:
                        Advance(ref reader);
                        _done = true;
                        EnsureNothingFollows();
                        return null;
                    case JsonTokenType.StartObject:
                        if (!JsonDocument.TryParseValue(ref reader, out var document))
                        {
                            if (_final) throw Truncated();
                            Refill();
                            continue;
                        }
                        Advance(ref reader);
                        using (document) return ToRow(document.RootElement, ++_element);
                    default:
                        throw NotAnObject(reader.TokenType);
                }
            }
            catch (JsonException e)
            {
                var line = (e.LineNumber ?? 0) + 1;
                throw new SourceRejectedException(Path, ProblemText.Of($"không phải JSON hợp lệ ở dòng {ProblemText.Count(line)} (sai cú pháp hoặc tệp bị cắt cụt)",
                    $"is not valid JSON at line {line}: {FirstSentence(e.Message)}"));
            }
        }
    }

    private RawRow ToRow(JsonElement element, int number)
    {
        var same = _lastHeader is not null;
        var count = 0;
        foreach (var property in element.EnumerateObject())
        {
            if (same && (count >= _lastHeader!.Count || !property.NameEquals(_lastHeader.Names[count]))) same = false;
            count++;
        }
        if (!same || count != _lastHeader!.Count)
            _lastHeader = new RawHeader(element.EnumerateObject().Select(p => p.Name).ToList());
        var values = new string?[count];
        var i = 0;
        foreach (var property in element.EnumerateObject())
        {
            try
            {
                values[i++] = Text(property.Value);
            }
            catch (InvalidOperationException)
            {
                throw new SourceRejectedException(Path, ProblemText.Of(
                    $"phần tử thứ {ProblemText.Count(number)}, thuộc tính '{property.Name}': văn bản không phải UTF-8 hợp lệ",
                    $"element {number}, property '{property.Name}': the text is not valid UTF-8"));
            }
        }
        return new RawRow(number, _lastHeader, values);
    }

    private string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => CellText.WithSeparator(value.GetRawText(), _options.DecimalSeparator),
        JsonValueKind.True => CellText.Flag(true),
        JsonValueKind.False => CellText.Flag(false),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    private void Advance(ref Utf8JsonReader reader)
    {
        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
    }

    private void EnsureNothingFollows()
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            bool more;
            try
            {
                more = reader.Read();
            }
            catch (JsonException)
            {
                more = true;
            }
            if (more)
                throw new SourceRejectedException(Path, ProblemText.Of("còn nội dung sau dấu ']' đóng mảng", "has content after the closing ']' of the array"));
            if (_final) return;
            Advance(ref reader);
            Refill();
        }
    }

    private const int MaxElementBytes = 4 << 20;

    /// <summary>Keeps the unread bytes, growing the window when one element is larger than it, and reads more.</summary>
    private void Refill()
    {
        var unread = _end - _start;
        if (unread == _buffer.Length)
        {
            // One record of a sync export is a few KB; an element this large is not one, and would take the memory of the server.
            if (_buffer.Length >= MaxElementBytes)
                throw new SourceRejectedException(Path, ProblemText.Of(
                    $"phần tử thứ {ProblemText.Count(_element + 1)} của mảng lớn hơn {ProblemText.Count(MaxElementBytes >> 20)} MB: không phải một bản ghi",
                    $"element {_element + 1} of the array is larger than {MaxElementBytes >> 20} MB: not one record"));
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        else if (_start > 0) _buffer.AsSpan(_start, unread).CopyTo(_buffer);
        _start = 0;
        _end = unread;
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        _final = read == 0;
    }

    private SourceRejectedException Truncated() => new(Path, ProblemText.Of(
        $"không phải JSON hợp lệ: tệp kết thúc giữa mảng (sau phần tử thứ {ProblemText.Count(_element)}); tệp có vẻ bị cắt cụt",
        $"is not valid JSON: it ends inside the array (after element {_element}); the file looks truncated"));

    private SourceRejectedException NotAnObject(JsonTokenType token)
    {
        var (vi, en) = Describe(token);
        return new(Path, ProblemText.Of(
            $"phần tử thứ {ProblemText.Count(_element + 1)} của mảng là {vi}, không phải một đối tượng chứa một bản ghi",
            $"element {_element + 1} of the array is {en}, not an object with one record"));
    }

    private static (string Vi, string En) Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => ("một mảng", "an array"),
        JsonTokenType.String => ("một chuỗi văn bản", "a string"),
        JsonTokenType.Number => ("một số", "a number"),
        JsonTokenType.True or JsonTokenType.False => ("giá trị đúng/sai", "a boolean"),
        JsonTokenType.Null => ("null", "null"),
        _ => (token.ToString(), token.ToString()),
    };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _stream.Dispose();
    }
}
