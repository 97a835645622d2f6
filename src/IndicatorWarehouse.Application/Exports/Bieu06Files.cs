using IndicatorWarehouse.Application.Files;

namespace IndicatorWarehouse.Application.Exports;

/// <summary>Which files an export writes.</summary>
[Flags]
public enum ExportFormat { Xlsx = 1, Csv = 2, Both = Xlsx | Csv }

/// <summary>Writes Biểu 06 into a folder as <c>bieu06_&lt;scope&gt;_&lt;period&gt;.xlsx</c> and/or <c>.csv</c>. A revision's
/// CSV stays one header row and data rows, for tools: its note goes beside it, in <c>…_ban-dieu-chinh.txt</c>.</summary>
public static class Bieu06Files
{
    /// <returns>The paths written, XLSX first.</returns>
    public static IReadOnlyList<string> Write(Bieu06Report report, string directory, ExportFormat format)
    {
        Directory.CreateDirectory(directory);
        var stem = SafeFileName.In(directory, SafeFileName.Of("bieu06", report.ScopeCode, report.Period.Code));
        var written = new List<string>();
        if (format.HasFlag(ExportFormat.Xlsx)) written.Add(WriteFile(stem + ".xlsx", s => Bieu06Xlsx.Write(report, s)));
        if (format.HasFlag(ExportFormat.Csv))
        {
            written.Add(WriteFile(stem + ".csv", s => Bieu06Csv.Write(report, s)));
            if (report.Revision is { } revision)
            {
                written.Add(stem + RevisionNoteSuffix);
                File.WriteAllLines(written[^1], revision.TextLines());
            }
        }
        return written;
    }

    public const string RevisionNoteSuffix = "_ban-dieu-chinh.txt";

    private static string WriteFile(string path, Action<Stream> write)
    {
        using (var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite)) write(stream);
        return path;
    }
}
