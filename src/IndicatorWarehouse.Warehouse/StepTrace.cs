using System.Diagnostics;

namespace IndicatorWarehouse.Warehouse;

/// <summary>Step timings on stderr when <c>IW_TRACE=1</c>: where a slow load or build spends its time.</summary>
internal static class StepTrace
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("IW_TRACE") == "1";

    public static async Task<T> TimeAsync<T>(string step, Func<Task<T>> work)
    {
        var clock = Stopwatch.StartNew();
        var result = await work();
        Write($"{step}: {clock.ElapsedMilliseconds} ms");
        return result;
    }

    public static void Write(string line)
    {
        if (Enabled) Console.Error.WriteLine("  " + line);
    }
}
