using IndicatorWarehouse.Ingestion.Records;

namespace IndicatorWarehouse.Ingestion.Readers;

/// <summary>Looks at the first bytes of a file to reject one that is not what its extension claims, with a
/// message that says what it looks like instead (a workbook renamed .csv, an object instead of an array…).</summary>
internal static class ContentSniffer
{
    private const int SampleSize = 8192;

    public static void Check(string path, SourceFormat format, ReadOptions options)
    {
        var head = ReadHead(path);
        if (head.Length == 0) throw new SourceRejectedException(path, ProblemText.Of("tệp trống", "the file is empty"));
        var binary = DescribeBinary(head);
        switch (format)
        {
            case SourceFormat.Excel:
                if (!head.AsSpan().StartsWith("PK\u0003\u0004"u8) && !head.AsSpan().StartsWith(OleSignature))
                    throw new SourceRejectedException(path, ProblemText.Of(
                        $"không phải bảng tính Excel (tệp .xlsx là một tệp nén ZIP; tệp này là {binary?.Vi ?? "văn bản"})",
                        $"is not an Excel workbook (an .xlsx file is a ZIP archive; this one is {binary?.En ?? "text"})"));
                break;
            case SourceFormat.Csv:
                if (binary is not null)
                    throw new SourceRejectedException(path, ProblemText.Of($"là {binary.Value.Vi}, không phải tệp văn bản CSV", $"is {binary.Value.En}, not a CSV text file"));
                if (options.IsUtf8 && HasUtf16Bom(head))
                    throw new SourceRejectedException(path, ProblemText.Of(
                        "là văn bản UTF-16 (có dấu BOM), không phải UTF-8; hãy lưu lại dạng UTF-8 hoặc dùng hồ sơ ánh xạ khai báo encoding: utf-16",
                        "is UTF-16 text (byte-order mark), not UTF-8; save it as UTF-8 or use a profile that declares encoding: utf-16"));
                if (options.Encoding.GetByteCount("a") == 1 && head.AsSpan().IndexOf((byte)0) >= 0)
                    throw new SourceRejectedException(path, ProblemText.Of("chứa byte NUL: đây là tệp nhị phân, không phải văn bản CSV",
                        "contains NUL bytes: a binary file, not CSV text"));
                break;
            case SourceFormat.Json:
                if (binary is not null)
                    throw new SourceRejectedException(path, ProblemText.Of($"là {binary.Value.Vi}, không phải JSON", $"is {binary.Value.En}, not JSON"));
                var first = FirstSignificantByte(head);
                if (first != (byte)'[')
                    throw new SourceRejectedException(path, first switch
                    {
                        (byte)'{' => ProblemText.Of("là một đối tượng JSON, không phải mảng JSON gồm các đối tượng (mỗi bản ghi một đối tượng)",
                            "is a JSON object, not a JSON array of objects (one object per record)"),
                        null => ProblemText.Of("chỉ có khoảng trắng, không phải mảng JSON", "contains only whitespace, not a JSON array"),
                        _ => ProblemText.Of("không phải mảng JSON: phải bắt đầu bằng '['", "is not a JSON array: it must start with '['"),
                    });
                break;
        }
    }

    private static ReadOnlySpan<byte> OleSignature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static byte[] ReadHead(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None);
        var buffer = new byte[SampleSize];
        var read = stream.ReadAtLeast(buffer, SampleSize, throwOnEndOfStream: false);
        return buffer[..read];
    }

    /// <summary>What a binary file looks like, in Vietnamese and in English; null for text.</summary>
    private static (string Vi, string En)? DescribeBinary(byte[] head)
    {
        var span = head.AsSpan();
        if (span.StartsWith("PK\u0003\u0004"u8)) return ("tệp nén ZIP (bảng tính .xlsx?)", "a ZIP archive (an .xlsx workbook?)");
        if (span.StartsWith(OleSignature)) return ("tệp Office đời cũ (.xls/.doc)", "a legacy Office file (.xls/.doc)");
        if (span.StartsWith("%PDF"u8)) return ("tài liệu PDF", "a PDF document");
        if (span.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B])) return ("tệp nén gzip", "a gzip archive");
        return null;
    }

    private static bool HasUtf16Bom(byte[] head) =>
        head.Length >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF));

    private static byte? FirstSignificantByte(byte[] head)
    {
        var span = head.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        foreach (var b in span)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return b;
        return null;
    }
}
