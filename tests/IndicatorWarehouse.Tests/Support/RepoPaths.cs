namespace IndicatorWarehouse.Tests.Support;

/// <summary>Paths inside the repository the tests run from.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Of(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IndicatorWarehouse.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("IndicatorWarehouse.sln not found above the test binaries.");
    }
}
