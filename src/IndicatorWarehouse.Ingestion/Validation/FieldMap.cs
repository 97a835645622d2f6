using IndicatorWarehouse.Ingestion.Profiles;
using IndicatorWarehouse.Ingestion.Readers;
using IndicatorWarehouse.Ingestion.Records;

namespace IndicatorWarehouse.Ingestion.Validation;

/// <summary>Where each canonical field sits in a file's header under a profile, and the header text to
/// name it by in messages ("received_at (Ngày tiếp nhận)").</summary>
internal sealed class FieldMap
{
    private readonly int[] _columns;
    private readonly string[] _names;

    private FieldMap(int[] columns, string[] names)
    {
        _columns = columns;
        _names = names;
    }

    public RawHeader? Header { get; private init; }

    public int ColumnOf(CanonicalField field) => _columns[field.Ordinal];

    public string Describe(CanonicalField field) => _names[field.Ordinal];

    /// <summary>Maps <paramref name="header"/>; a required column that is absent rejects the file when
    /// <paramref name="requireColumns"/> (it is not for later JSON objects, where a missing key is a missing value).</summary>
    public static FieldMap Build(RawHeader header, MappingProfile profile, string path, bool requireColumns)
    {
        var fields = profile.Schema.Fields;
        var columns = new int[fields.Count];
        var names = new string[fields.Count];
        foreach (var field in fields)
        {
            var headers = profile.HeadersFor(field);
            var column = -1;
            foreach (var candidate in headers)
            {
                column = header.IndexOf(candidate);
                if (column < 0) continue;
                if (header.IsAmbiguous(candidate))
                    throw new SourceRejectedException(path, ProblemText.Of($"cột '{candidate}' ({field.Name}) xuất hiện nhiều lần trong dòng tiêu đề",
                        $"the column '{candidate}' ({field.Name}) appears more than once in the header"));
                break;
            }
            columns[field.Ordinal] = column;
            var label = column >= 0 ? header.Names[column] : headers.Count > 0 ? headers[0] : null;
            names[field.Ordinal] = profile.IsCanonical || label is null || HeaderKey.Normalize(label) == field.Name
                ? field.Name : $"{field.Name} ({label})";
            if (column < 0 && field.Required && requireColumns)
                throw new SourceRejectedException(path, MissingColumn(field, headers, header, profile));
        }
        return new FieldMap(columns, names) { Header = header };
    }

    private static string MissingColumn(CanonicalField field, IReadOnlyList<string> headers, RawHeader header, MappingProfile profile)
    {
        string Expected(string or) => string.Join($" {or} ", headers.Select(h => $"'{h}'"));
        var (whichVi, which) = profile.IsCanonical ? ("", "") : ($" ({field.Name}, hồ sơ ánh xạ {profile.Name})", $" ({field.Name}, profile {profile.Name})");
        var message = ProblemText.Of($"thiếu cột bắt buộc {Expected("hoặc")}{whichVi}; dòng tiêu đề có: {Shown(header)}",
            $"the required column {Expected("or")}{which} is missing; the header has: {Shown(header)}");
        // A file written with ';' (Excel's CSV in a Vietnamese locale) reads as one column whose name holds them all.
        if (header.Count == 1 && profile.ReadOptions.Delimiter != ';' && header.Names[0].Contains(';'))
            message = ProblemText.Of("dấu phân cách có vẻ là ';' — hãy dùng một hồ sơ ánh xạ có `delimiter: ';'`",
                "the separator looks like ';' — use a profile with `delimiter: ';'`") + "; " + message;
        return message;
    }

    /// <summary>At most the first <see cref="ColumnsShown"/> column names, then "… (+N)": a message stays readable
    /// (and small) whatever the header holds.</summary>
    private static string Shown(RawHeader header)
    {
        var names = header.Names.Take(ColumnsShown).Select(n => n.Length > 60 ? n[..60] + "…" : n);
        var more = header.Count - ColumnsShown;
        return string.Join(", ", names) + (more > 0 ? $", … (+{ProblemText.Count(more)})" : "");
    }

    private const int ColumnsShown = 30;
}
