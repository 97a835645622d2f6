namespace IndicatorWarehouse.Reporting.Pdf;

/// <summary>No Chromium to print with; the message says how to install one or where to point to it.</summary>
public sealed class ChromiumNotFoundException(string? triedPath)
    : Exception(BaseMessage + (triedPath is null ? "." : $" ('{triedPath}' does not exist)."))
{
    public const string BaseMessage =
        "Không tìm thấy Chromium / Chromium not found: install it with `apt-get install chromium` (or run .ci/setup), " +
        "or set " + ChromiumLocator.EnvironmentVariable + " to its path";

    /// <summary>The configured path that does not exist; null when none was configured and none was found.</summary>
    public string? TriedPath { get; } = triedPath;
}
