using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace IndicatorWarehouse.Tests.Support;

/// <summary>What an external program printed and how it ended.</summary>
public sealed record ToolResult(string Tool, int ExitCode, string StdOut, string StdErr)
{
    /// <summary>The standard output, or a failure that quotes the tool's own error.</summary>
    public string OutputOrFail() => ExitCode == 0
        ? StdOut
        : throw new InvalidOperationException($"{Tool} exited with {ExitCode}: {StdErr.Trim()}");
}

/// <summary>Runs a command-line tool (pdftotext, qpdf, sqlite3…) the way a person would, to check real output files.</summary>
public static class ExternalTool
{
    public static async Task<ToolResult> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"`{tool}` could not be started ({e.Message}); install the test tools with .ci/setup.", e);
        }
        using (process)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"`{tool} {string.Join(' ', arguments)}` did not finish within 2 minutes.");
            }
            return new ToolResult(tool, process.ExitCode, await stdout, await stderr);
        }
    }

    /// <summary>The tool's standard output; fails when the tool does.</summary>
    public static async Task<string> OutputOfAsync(string tool, params string[] arguments) =>
        (await RunAsync(tool, arguments)).OutputOrFail();
}
