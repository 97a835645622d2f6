using System.Diagnostics;
using System.Globalization;
using IndicatorWarehouse.Tests.Support;

namespace IndicatorWarehouse.Tests.Faults;

/// <summary>A load streams: its peak memory does not grow with the file. The CI-sized check of the 2 GB run in
/// tests/IndicatorWarehouse.Benchmarks/stream-2gb.sh (results in that folder's README).</summary>
public sealed class StreamingMemoryTests
{
    private const int Small = 60_000, Large = 300_000;

    // Staging the snapshot in memory cost ~0.85 KB per row, i.e. ~200 MB more for the large file than the small one.
    private const long AllowedGrowthBytes = 48L << 20;

    [Fact]
    public async Task Ingest_FiveTimesTheRows_PeakMemoryStaysFlat()
    {
        var small = await PeakOfLoadAsync(Small);
        var large = await PeakOfLoadAsync(Large);

        Assert.True(large - small < AllowedGrowthBytes,
            $"peak working set {small >> 20} MB for {Small:N0} rows, {large >> 20} MB for {Large:N0} rows");
    }

    /// <summary>Issue 17: a file of the small size whose one field is 170 MB (the row is quarantined, its cell cut at
    /// 32,767 characters) costs no more memory than the small file itself.</summary>
    [Fact]
    public async Task Ingest_OneHugeField_PeakMemoryStaysFlat()
    {
        var small = await PeakOfLoadAsync(Small);
        var huge = await PeakOfLoadAsync(Small - 1, async (writer, rows) =>
        {
            await writer.WriteAsync(OnestopFile.Row(rows + 1).TrimEnd(',') + ",\"");
            var chunk = new string('x', 1 << 20);
            for (var i = 0; i < 170; i++) await writer.WriteAsync(chunk);
            await writer.WriteLineAsync("\",");
        });

        Assert.True(huge - small < AllowedGrowthBytes, $"peak working set {small >> 20} MB for {Small:N0} rows, {huge >> 20} MB with one 170 MB field");
    }

    private static async Task<long> PeakOfLoadAsync(int rows, Func<StreamWriter, int, Task>? more = null)
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var file = await OnestopFile.WriteAsync(Path.Combine(w.Directory, "onestop.csv"), rows);
        if (more is not null)
            await using (var writer = new StreamWriter(file, append: true)) await more(writer, rows);
        using var load = IwProcess.Start("ingest", "onestop", file, "--as-of", OnestopFile.AsOf, "--db", w.DbPath);
        var stdout = load.StandardOutput.ReadToEndAsync();
        var stderr = load.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!load.HasExited)
        {
            peak = Math.Max(peak, HighWaterMark(load) ?? 0);
            await Task.Delay(25);
        }
        await load.WaitForExitAsync();
        Assert.True(load.ExitCode == 0, await stderr);
        Assert.Contains($"loaded {rows:N0}", await stdout);
        return peak;
    }

    /// <summary>VmHWM of /proc/PID/status: the process's peak resident set so far (it only rises), or null once it is gone.</summary>
    private static long? HighWaterMark(Process process)
    {
        try
        {
            var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
