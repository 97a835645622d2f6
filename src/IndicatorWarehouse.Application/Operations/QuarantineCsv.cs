using System.Globalization;
using System.Text;
using System.Text.Json;
using IndicatorWarehouse.Application.Exports;
using IndicatorWarehouse.Ingestion.Readers;
using IndicatorWarehouse.Warehouse.Quarantine;

namespace IndicatorWarehouse.Application.Operations;

/// <summary>The file staff fix quarantined rows in: UTF-8 CSV with a BOM (Excel then shows Vietnamese letters), the
/// annotation columns <c>iw_*</c> first — why each row was refused and where it came from — then every field of the
/// original rows under their original headers, as the source file had them. `iw quarantine retry` reads the
/// source, profile and quarantine entry of each row back from the annotations and ignores them otherwise (no source
/// format has such a column).</summary>
public static class QuarantineCsv
{
    public const string Prefix = "iw_";
    private static readonly string[] Annotations =
        ["iw_quarantine_id", "iw_snapshot_id", "iw_source", "iw_profile", "iw_line", "iw_field", "iw_reason"];

    /// <summary>Writes <paramref name="entries"/> (of one source and profile) to <paramref name="path"/>.</summary>
    public static void Write(IReadOnlyList<QuarantineEntry> entries, string path)
    {
        var rows = entries.Select(e => (Entry: e, Fields: Fields(e.RawRecord))).ToList();
        // The union of the rows' fields in first-seen order (JSON rows may each list their own); annotations a previous
        // export added are left out, so a row exported again carries them once.
        var columns = rows.SelectMany(r => r.Fields.Keys).Where(k => !k.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)).Distinct().ToList();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var text = new StreamWriter(path, false, SafeCsv.Utf8WithBom);
        var csv = new SafeCsv(text);
        csv.WriteRow(Annotations.Concat(columns));
        foreach (var (e, fields) in rows)
        {
            string[] annotations =
            [
                e.QuarantineId.ToString(CultureInfo.InvariantCulture), e.SnapshotId.ToString(CultureInfo.InvariantCulture),
                e.Source, e.Profile ?? "", e.LineNo.ToString(CultureInfo.InvariantCulture), e.Field, e.Reason,
            ];
            csv.WriteRow(annotations.Concat(columns.Select(c => fields.GetValueOrDefault(c) ?? "")));
        }
    }

    /// <summary>Where the rows of an exported (and corrected) file came from: one source, the profile their cells
    /// follow (null: canonical form), and the snapshots they were quarantined in.</summary>
    public static QuarantineOrigin ReadOrigin(string path)
    {
        using var reader = RawRowReader.Open(path);
        var header = reader.Header;
        if (header is null || header.IndexOf("iw_source") < 0)
            throw new InvalidDataException($"{path}: không phải tệp xuất từ `iw quarantine export` / not a file written by " +
                "`iw quarantine export` (no iw_source column); load a corrected source file with `iw ingest` instead.");
        var sources = new HashSet<string>(StringComparer.Ordinal);
        var profiles = new HashSet<string>(StringComparer.Ordinal);
        var snapshots = new HashSet<long>();
        var entries = new Dictionary<long, long>();
        foreach (var row in reader.ReadAll())
        {
            if (row["iw_source"] is not { Length: > 0 } source) continue;
            sources.Add(source.Trim());
            profiles.Add(row["iw_profile"]?.Trim() ?? "");
            if (long.TryParse(row["iw_snapshot_id"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)) snapshots.Add(id);
            if (long.TryParse(row["iw_quarantine_id"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var entry)) entries[row.Number] = entry;
        }
        if (sources.Count != 1 || profiles.Count != 1)
            throw new InvalidDataException($"{path}: các dòng phải cùng một nguồn và một hồ sơ ánh xạ / every row must come from one source " +
                $"and profile (found {string.Join(", ", sources)} / {string.Join(", ", profiles.Select(p => p.Length == 0 ? "canonical" : p))}).");
        var profile = profiles.Single();
        return new QuarantineOrigin(sources.Single(), profile.Length == 0 ? null : profile, snapshots.Order().ToList(), entries);
    }

    private static Dictionary<string, string?> Fields(string rawJson)
    {
        using var json = JsonDocument.Parse(rawJson);
        return json.RootElement.EnumerateObject()
            .GroupBy(p => p.Name).Select(g => g.First())
            .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.ToString());
    }
}

/// <summary>The source, profile and snapshots an exported quarantine file's rows came from, and the entry each row
/// of the file re-supplies (by the row's line in the file).</summary>
public sealed record QuarantineOrigin(string Source, string? Profile, IReadOnlyList<long> Snapshots, IReadOnlyDictionary<long, long> EntriesByLine);
