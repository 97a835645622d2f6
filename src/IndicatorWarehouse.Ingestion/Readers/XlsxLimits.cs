using System.IO.Compression;
using IndicatorWarehouse.Ingestion.Records;

namespace IndicatorWarehouse.Ingestion.Readers;

/// <summary>Checks an .xlsx package before the Excel reader opens it: the reader loads all shared strings into memory and
/// walks every row element, so a 300 KB file whose shared string unpacks to 300 MB, or 2 MB of empty rows that unpack to
/// 1 GB, would take gigabytes or minutes. The sizes are read from the package's directory, without unpacking. (A package
/// whose directory understates a part's size is not caught here; the cell and row limits still bound what is kept.)</summary>
internal static class XlsxLimits
{
    /// <summary>The largest part (a sheet, the shared strings) read: a sheet of a million dossier rows is about 250 MB.</summary>
    public const long MaxPartBytes = 256L << 20;

    /// <summary>Real sheets unpack to 5–20 times their packed size; a bomb to hundreds of times.</summary>
    public const long MaxRatio = 100;

    /// <summary>Below this a part is read whatever its ratio (a tiny, highly repetitive sheet is harmless).</summary>
    private const long SmallPartBytes = 8L << 20;

    /// <summary>Excel's own row limit: a sheet claiming more rows is not an Excel export.</summary>
    public const int MaxRows = 1_048_576;

    /// <summary>Checks the package's parts, then, when <paramref name="scanCells"/>, returns the error cells and the
    /// formulas without a cached value of the first sheet (<see cref="XlsxFormulas"/>).</summary>
    public static IReadOnlyDictionary<string, string> Check(string path, bool scanCells = true)
    {
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException)
        {
            return new Dictionary<string, string>(); // Not a zip package (an .xls workbook): the reader's own checks apply.
        }
        using (zip)
        {
            foreach (var part in zip.Entries)
            {
                if (!part.FullName.StartsWith("xl/", StringComparison.OrdinalIgnoreCase)) continue;
                var ratio = part.CompressedLength == 0 ? 0 : part.Length / part.CompressedLength;
                if (part.Length > MaxPartBytes || (part.Length > SmallPartBytes && ratio > MaxRatio))
                    throw new SourceRejectedException(path, ProblemText.Of(
                        $"phần '{part.FullName}' của bảng tính giải nén ra {ProblemText.Count(part.Length >> 20)} MB (nén {ProblemText.Count(ratio)} lần): " +
                        $"quá lớn hoặc bất thường, không đọc (giới hạn {ProblemText.Count(MaxPartBytes >> 20)} MB, {MaxRatio} lần)",
                        $"the workbook part '{part.FullName}' unpacks to {part.Length >> 20:N0} MB ({ratio:N0} times its packed size): too large or " +
                        $"abnormal to read (limits {MaxPartBytes >> 20} MB, {MaxRatio} times)"));
            }
            return scanCells ? XlsxFormulas.Marks(zip, path) : new Dictionary<string, string>();
        }
    }

    public static SourceRejectedException TooManyRows(string path) => new(path, ProblemText.Of(
        $"trang tính có hơn {ProblemText.Count(MaxRows)} dòng (giới hạn của Excel)", $"the sheet has more than {MaxRows:N0} rows (Excel's limit)"));
}
