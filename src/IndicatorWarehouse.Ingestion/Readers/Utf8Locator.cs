using System.Buffers;
using System.Text.Unicode;
using IndicatorWarehouse.Ingestion.Records;

namespace IndicatorWarehouse.Ingestion.Readers;

/// <summary>Finds where a file stops being valid UTF-8. The streaming decoder fails a whole buffer ahead of
/// the record being parsed, so the exact line is found by a second pass, taken only when the file is bad.</summary>
internal static class Utf8Locator
{
    public static string Describe(string path)
    {
        var (line, offset) = FindFirstInvalid(path);
        return line is null
            ? ProblemText.Of("không phải văn bản UTF-8 hợp lệ; hãy lưu lại dạng UTF-8 hoặc dùng hồ sơ ánh xạ khai báo bảng mã của tệp",
                "is not valid UTF-8 text; save it as UTF-8 or use a profile that declares its encoding")
            : ProblemText.Of($"không phải văn bản UTF-8 hợp lệ ở dòng {ProblemText.Count(line.Value)} (vị trí byte {ProblemText.Count(offset)}); "
                    + "hãy lưu lại dạng UTF-8 hoặc dùng hồ sơ ánh xạ khai báo bảng mã của tệp (ví dụ windows-1258)",
                $"is not valid UTF-8 text at line {line} (byte offset {offset}); save it as UTF-8 or use a profile that declares its encoding (e.g. windows-1258)");
    }

    public static (int? Line, long Offset) FindFirstInvalid(string path)
    {
        using var stream = File.OpenRead(path);
        var bytes = new byte[1 << 16];
        var chars = new char[1 << 16];
        var carry = 0;
        long consumedBefore = 0;
        var line = 1;
        while (true)
        {
            var read = stream.Read(bytes, carry, bytes.Length - carry);
            var available = carry + read;
            if (available == 0) return (null, consumedBefore);
            var isFinal = read == 0;
            var span = bytes.AsSpan(0, available);
            var status = OperationStatus.Done;
            var done = 0;
            while (done < available)
            {
                status = Utf8.ToUtf16(span[done..], chars, out var bytesRead, out _, replaceInvalidSequences: false, isFinalBlock: isFinal);
                line += span.Slice(done, bytesRead).Count((byte)'\n');
                done += bytesRead;
                if (status != OperationStatus.DestinationTooSmall) break;
            }
            if (status == OperationStatus.InvalidData || (status == OperationStatus.NeedMoreData && isFinal))
                return (line, consumedBefore + done);
            if (isFinal) return (null, consumedBefore + done);
            carry = available - done;
            span[done..].CopyTo(bytes);
            consumedBefore += done;
        }
    }
}
