using System.Buffers;
using System.Text;

namespace IndicatorWarehouse.Ingestion.Readers;

/// <summary>An RFC 4180 record tokenizer over a text reader: quoted fields may hold delimiters, doubled
/// quotes and line breaks; CRLF, LF and CR end records; blank lines are skipped. It scans a large char
/// buffer with vectorized searches and allocates only the field strings and one array per record. A field is kept
/// to <see cref="CellLimit.MaxChars"/> + 1 characters and a record to <see cref="CellLimit.MaxColumns"/> + 1 fields, the
/// rest skipped: one 170 MB field costs no more memory than any other, and the row is quarantined for it.</summary>
internal sealed class CsvTokenizer(TextReader reader, char delimiter)
{
    private readonly char[] _buffer = new char[1 << 16];
    private readonly SearchValues<char> _stops = SearchValues.Create([delimiter, '\r', '\n']);
    private readonly List<string> _fields = new(32);
    private readonly StringBuilder _pending = new();
    private bool _pendingFull;
    private int _pos;
    private int _len;

    /// <summary>Physical line (1-based) the tokenizer has reached.</summary>
    public int Line { get; private set; } = 1;

    /// <summary>Physical line on which the last record returned starts.</summary>
    public int RecordLine { get; private set; }

    /// <summary>Set when a quoted field runs to the end of the file; the line it opened on.</summary>
    public int? UnterminatedQuoteLine { get; private set; }

    public string[]? ReadRecord()
    {
        if (!SkipBlankLines()) return null;
        RecordLine = Line;
        _fields.Clear();
        while (!ReadField()) { }
        return _fields.ToArray();
    }

    private bool SkipBlankLines()
    {
        while (true)
        {
            if (_pos >= _len && !Fill()) return false;
            var c = _buffer[_pos];
            if (c is not ('\r' or '\n')) return true;
            _pos++;
            EndLine(c);
        }
    }

    /// <summary>Reads one field into the list; true when it ended the record.</summary>
    private bool ReadField()
    {
        if (_pos >= _len && !Fill())
        {
            Add("");
            return true;
        }
        _pending.Clear();
        _pendingFull = false;
        return _buffer[_pos] == '"' ? ReadQuoted() : ReadUnquoted(usePending: false);
    }

    private bool ReadUnquoted(bool usePending)
    {
        while (true)
        {
            var span = _buffer.AsSpan(_pos, _len - _pos);
            var stop = span.IndexOfAny(_stops);
            if (stop < 0)
            {
                Append(span);
                usePending = true;
                _pos = _len;
                if (Fill()) continue;
                Add(_pending.ToString());
                return true;
            }
            if (usePending)
            {
                Append(span[..stop]);
                Add(_pending.ToString());
            }
            else Add(new string(span[..Math.Min(stop, CellLimit.MaxChars + 1)]));
            var c = _buffer[_pos + stop];
            _pos += stop + 1;
            if (c == delimiter) return false;
            EndLine(c);
            return true;
        }
    }

    private bool ReadQuoted()
    {
        var openedOn = Line;
        _pos++;
        while (true)
        {
            if (_pos >= _len && !Fill())
            {
                UnterminatedQuoteLine = openedOn;
                Add(_pending.ToString());
                return true;
            }
            var span = _buffer.AsSpan(_pos, _len - _pos);
            var quote = span.IndexOf('"');
            var chunk = quote < 0 ? span : span[..quote];
            Line += chunk.Count('\n');
            Append(chunk);
            if (quote < 0)
            {
                _pos = _len;
                continue;
            }
            _pos += quote + 1;
            if (_pos >= _len && !Fill())
            {
                Add(_pending.ToString());
                return true;
            }
            var next = _buffer[_pos];
            if (next == '"')
            {
                Append("\"");
                _pos++;
                continue;
            }
            // Text after the closing quote breaks RFC 4180; exporters do write it (e.g. "12"kg), so keep it
            // as part of the value rather than rejecting the file over one cell.
            return ReadUnquoted(usePending: true);
        }
    }

    /// <summary>Appends to the field being read, up to one character past the cell limit.</summary>
    private void Append(ReadOnlySpan<char> chunk)
    {
        if (_pendingFull) return;
        var room = CellLimit.MaxChars + 1 - _pending.Length;
        _pending.Append(chunk.Length <= room ? chunk : chunk[..room]);
        _pendingFull = _pending.Length > CellLimit.MaxChars;
    }

    private void Add(string field)
    {
        if (_fields.Count <= CellLimit.MaxColumns) _fields.Add(field);
    }

    private void EndLine(char c)
    {
        Line++;
        if (c == '\r' && (_pos < _len || Fill()) && _buffer[_pos] == '\n') _pos++;
    }

    private bool Fill()
    {
        _len = reader.Read(_buffer, 0, _buffer.Length);
        _pos = 0;
        return _len > 0;
    }
}
