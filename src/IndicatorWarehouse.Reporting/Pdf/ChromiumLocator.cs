namespace IndicatorWarehouse.Reporting.Pdf;

/// <summary>Finds the Chromium to print with: an explicit path, else IW_CHROMIUM, else the Debian package, else PATH.</summary>
public static class ChromiumLocator
{
    public const string EnvironmentVariable = "IW_CHROMIUM";

    private const string DebianPath = "/usr/bin/chromium";
    private static readonly string[] Names = ["chromium", "chromium-browser"];

    /// <summary>The browser's path; a path that was asked for but does not exist is an error, never silently replaced.</summary>
    public static string Locate(string? configuredPath = null)
    {
        var asked = !string.IsNullOrWhiteSpace(configuredPath) ? configuredPath : Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(asked))
            return File.Exists(asked) ? asked : throw new ChromiumNotFoundException(asked);
        if (File.Exists(DebianPath)) return DebianPath;
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => Names.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
        return found ?? throw new ChromiumNotFoundException(null);
    }
}
