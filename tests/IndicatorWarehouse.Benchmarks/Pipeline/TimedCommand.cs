using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace IndicatorWarehouse.Benchmarks.Pipeline;

/// <summary>What one command took: wall time, peak resident memory (GNU time's "Maximum resident set size",
/// the largest single process of the command) and what it printed.</summary>
internal sealed record Measured(TimeSpan Elapsed, long PeakRssKb, string Stdout, string Stderr)
{
    public double Seconds => Elapsed.TotalSeconds;
    public double PeakRssMb => PeakRssKb / 1024.0;
}

/// <summary>Runs a command under <c>/usr/bin/time -v</c> (Debian package <c>time</c>) and fails loudly when it fails.</summary>
internal static partial class TimedCommand
{
    private const string GnuTime = "/usr/bin/time";

    public static async Task<Measured> RunAsync(string file, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null,
        string? stdinFile = null)
    {
        if (!File.Exists(GnuTime)) throw new InvalidOperationException($"{GnuTime} is missing: apt-get install time");
        var report = Path.GetTempFileName();
        var start = new ProcessStartInfo(GnuTime)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdinFile is not null,
        };
        foreach (var arg in (string[])["-v", "-o", report, file, .. args]) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdinFile is not null)
        {
            await using (var input = File.OpenRead(stdinFile)) await input.CopyToAsync(process.StandardInput.BaseStream);
            process.StandardInput.Close();
        }
        await process.WaitForExitAsync();
        clock.Stop();

        var usage = await File.ReadAllTextAsync(report);
        File.Delete(report);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}:\n{await stderr}");
        var rss = MaxRss().Match(usage);
        return new Measured(clock.Elapsed, rss.Success ? long.Parse(rss.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            await stdout, await stderr);
    }

    [GeneratedRegex(@"Maximum resident set size \(kbytes\): (\d+)")]
    private static partial Regex MaxRss();
}
