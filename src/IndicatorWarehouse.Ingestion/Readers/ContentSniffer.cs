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
        if (head.Length == 0) throw new SourceRejectedException(path, "the file is empty");
        var binary = DescribeBinary(head);
        switch (format)
        {
            case SourceFormat.Excel:
                if (!head.AsSpan().StartsWith("PK\u0003\u0004"u8) && !head.AsSpan().StartsWith(OleSignature))
                    throw new SourceRejectedException(path, "is not an Excel workbook (an .xlsx file is a ZIP archive; this one is "
                        + (binary ?? "text") + ")");
                break;
            case SourceFormat.Csv:
                if (binary is not null)
                    throw new SourceRejectedException(path, $"is {binary}, not a CSV text file");
                if (options.IsUtf8 && HasUtf16Bom(head))
                    throw new SourceRejectedException(path, "is UTF-16 text (byte-order mark), not UTF-8; save it as UTF-8 or use a profile that declares encoding: utf-16");
                if (options.Encoding.GetByteCount("a") == 1 && head.AsSpan().IndexOf((byte)0) >= 0)
                    throw new SourceRejectedException(path, "contains NUL bytes: a binary file, not CSV text");
                break;
            case SourceFormat.Json:
                if (binary is not null)
                    throw new SourceRejectedException(path, $"is {binary}, not JSON");
                var first = FirstSignificantByte(head);
                if (first != (byte)'[')
                    throw new SourceRejectedException(path, first switch
                    {
                        (byte)'{' => "is a JSON object, not a JSON array of objects (one object per record)",
                        null => "contains only whitespace, not a JSON array",
                        _ => "is not a JSON array: it must start with '['",
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

    private static string? DescribeBinary(byte[] head)
    {
        var span = head.AsSpan();
        if (span.StartsWith("PK\u0003\u0004"u8)) return "a ZIP archive (an .xlsx workbook?)";
        if (span.StartsWith(OleSignature)) return "a legacy Office file (.xls/.doc)";
        if (span.StartsWith("%PDF"u8)) return "a PDF document";
        if (span.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B])) return "a gzip archive";
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
