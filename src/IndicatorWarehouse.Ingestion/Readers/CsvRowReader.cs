using System.Text;
using IndicatorWarehouse.Ingestion.Records;

namespace IndicatorWarehouse.Ingestion.Readers;

/// <summary>Streams a CSV file: strict decoding (UTF-8 unless a profile declares another encoding; a UTF-8 BOM
/// is allowed), the header on <see cref="ReadOptions.HeaderRow"/>, then one row per record.</summary>
internal sealed class CsvRowReader : RawRowReader
{
    private readonly StreamReader _text;
    private readonly CsvTokenizer _tokenizer;
    private readonly ReadOptions _options;

    public CsvRowReader(string path, ReadOptions options) : base(path)
    {
        _options = options;
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        // A UTF-8 reader must not switch to UTF-16 on a byte-order mark: that would accept a file that is not UTF-8.
        _text = new StreamReader(stream, options.Encoding, detectEncodingFromByteOrderMarks: !options.IsUtf8, bufferSize: 1 << 16);
        _tokenizer = new CsvTokenizer(_text, options.Delimiter);
        string[]? names = null;
        for (var row = 1; row <= options.HeaderRow; row++)
            names = Next() ?? throw new SourceRejectedException(path, options.HeaderRow == 1
                ? ProblemText.Of("không có dòng tiêu đề", "has no header row")
                : ProblemText.Of($"có ít hơn {ProblemText.Count(options.HeaderRow)} dòng: không có dòng tiêu đề ở vị trí hồ sơ ánh xạ quy định",
                    $"has fewer than {options.HeaderRow} rows: no header row where the profile expects it"));
        if (names!.Length > 0 && names[0].StartsWith('\uFEFF')) names[0] = names[0][1..];
        Header = new RawHeader(names);
    }

    public override RawHeader Header { get; }

    public override bool TryRead(out RawRow row)
    {
        var values = Next();
        row = values is null ? default : new RawRow(_tokenizer.RecordLine, Header, values);
        return values is not null;
    }

    private string[]? Next()
    {
        string[]? values;
        try
        {
            values = _tokenizer.ReadRecord();
        }
        catch (DecoderFallbackException)
        {
            throw new SourceRejectedException(Path, _options.IsUtf8
                ? Utf8Locator.Describe(Path)
                : ProblemText.Of($"có byte không hợp lệ trong bảng mã {_options.Encoding.WebName} (sau dòng {ProblemText.Count(_tokenizer.Line)})",
                    $"contains bytes that are not valid {_options.Encoding.WebName} text (after line {_tokenizer.Line})"));
        }
        if (_tokenizer.UnterminatedQuoteLine is { } line)
            throw new SourceRejectedException(Path, ProblemText.Of(
                $"dòng {ProblemText.Count(line)}: một giá trị mở ngoặc kép nhưng không đóng (thiếu '\"' trước khi hết tệp)",
                $"line {line}: a quoted field is never closed (missing '\"' before the end of the file)"));
        return values;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _text.Dispose();
    }
}
