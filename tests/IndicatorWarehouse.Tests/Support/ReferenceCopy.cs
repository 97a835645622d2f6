using IndicatorWarehouse.Application.Setup;

namespace IndicatorWarehouse.Tests.Support;

/// <summary>A copy of the shipped reference folder that a test edits, as a province would edit its own.</summary>
public static class ReferenceCopy
{
    public static ReferenceFiles In(string directory)
    {
        var source = ReferenceFiles.Default().Directory;
        var target = Path.Combine(directory, "reference-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        return new ReferenceFiles(target);
    }

    /// <summary>Replaces text in one file of the copy; the text must be there, so an edit never silently misses.</summary>
    public static ReferenceFiles Edit(this ReferenceFiles reference, string file, string from, string to)
    {
        var path = reference.PathOf(file);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
        return reference;
    }
}
