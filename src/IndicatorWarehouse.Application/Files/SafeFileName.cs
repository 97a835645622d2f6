using System.Text;

namespace IndicatorWarehouse.Application.Files;

/// <summary>The one way a file name is built from data (unit codes, periods, indicator codes): every character outside
/// ASCII letters, digits, '.', '-' and '_' becomes '-', and the path is checked to stay inside its folder. Codes are
/// validated at ingest (<c>SourceCode</c>), so this is the second wall: a code that slipped in some other way (a URL, a
/// command-line argument, an old warehouse) still cannot name a file elsewhere.</summary>
public static class SafeFileName
{
    /// <summary>The parts joined by '_', each reduced to safe characters: <c>Of("phieu-diem", "TNI.SYT", "2026-09")</c>.</summary>
    public static string Of(params string[] parts) => string.Join('_', parts.Select(Clean));

    /// <summary>The full path of <paramref name="fileName"/> in <paramref name="folder"/>; refuses a name that would
    /// leave it.</summary>
    public static string In(string folder, string fileName)
    {
        var root = Path.GetFullPath(folder);
        var path = Path.GetFullPath(Path.Combine(root, fileName));
        if (!path.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal) ||
            Path.GetFileName(path) != fileName)
            throw new InvalidOperationException($"'{fileName}' không phải tên tệp an toàn trong thư mục {root} / is not a safe file name inside {root}");
        return path;
    }

    private static string Clean(string part)
    {
        var text = new StringBuilder(part.Length);
        foreach (var c in part) text.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-');
        // A part made only of dots would still read as "here" or "up" if it ever stood alone.
        return text.ToString().Trim('.') is { Length: > 0 } clean ? clean : "-";
    }
}
