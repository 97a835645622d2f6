using System.Text;

namespace IndicatorWarehouse.Domain.Rules;

/// <summary>How one rule file differs between two rule sets.</summary>
/// <param name="Before">the file in the earlier set; null when the file is new</param>
/// <param name="After">the file in the later set; null when it was dropped</param>
public sealed record RuleFileChange(string Name, RuleFile? Before, RuleFile? After)
{
    /// <summary>The file was edited while its declared version stayed the same: a figure made under it cannot be told
    /// from one made before by its version alone.</summary>
    public bool EditedWithoutNewVersion => Before?.Version is { } v && v == After?.Version;

    /// <summary>"index766.yaml 766-2022.1 → 766-2026.1", "deadlines.yaml 2026.1: đã sửa nhưng chưa đổi phiên bản",
    /// "holidays.csv 3f2a9c1b → 77aa0b12".</summary>
    public string Describe() => (Before, After) switch
    {
        (null, { } added) => $"{Name}: thêm mới ({added.VersionOrHash})",
        ({ } dropped, null) => $"{Name}: không còn dùng ({dropped.VersionOrHash})",
        _ when EditedWithoutNewVersion => $"{Name} {After!.Version}: đã sửa nhưng chưa đổi phiên bản",
        _ => $"{Name} {Before!.VersionOrHash} → {After!.VersionOrHash}",
    };
}

/// <summary>The rules in force, as a set of rule files: identified by a fingerprint of their names and content
/// hashes, so the same files always make the same set and any edit makes another.</summary>
public static class RuleSet
{
    public static string Fingerprint(IEnumerable<RuleFile> files) =>
        RuleFile.Sha256(string.Concat(files.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => $"{f.Name}\0{f.Hash}\n")));

    /// <summary>"indicators 2026.1 · index766 766-2022.1 · deadlines 2026.1 · holidays 3f2a9c1b".</summary>
    public static string Label(IEnumerable<RuleFile> files)
    {
        var label = new StringBuilder();
        foreach (var f in files.OrderBy(f => f.Name, StringComparer.Ordinal))
            label.Append(label.Length == 0 ? "" : " · ").Append(Path.GetFileNameWithoutExtension(f.Name)).Append(' ').Append(f.VersionOrHash);
        return label.ToString();
    }

    /// <summary>The files that differ from one set to the other, by name.</summary>
    public static IReadOnlyList<RuleFileChange> Changes(IReadOnlyCollection<RuleFile> before, IReadOnlyCollection<RuleFile> after)
    {
        var earlier = before.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var later = after.ToDictionary(f => f.Name, StringComparer.Ordinal);
        return earlier.Keys.Union(later.Keys).Order(StringComparer.Ordinal)
            .Select(name => new RuleFileChange(name, earlier.GetValueOrDefault(name), later.GetValueOrDefault(name)))
            .Where(c => c.Before?.Hash != c.After?.Hash)
            .ToList();
    }
}
