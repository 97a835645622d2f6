using System.Diagnostics;
using System.Globalization;

namespace IndicatorWarehouse.Warehouse.Ledger;

/// <summary>The process a run belongs to, as <c>etl_run.owner</c> spells it: "host/pid/start", the start time telling a
/// live process from a later one that reuses the pid. Only runs of this host can be judged: another node's are left
/// alone.</summary>
public static class RunOwner
{
    public static string Current { get; } = Describe(Environment.MachineName, Environment.ProcessId, StartOf(Process.GetCurrentProcess()));

    /// <summary>True when <paramref name="owner"/> names a process of this host that is no longer running.</summary>
    public static bool IsDeadHere(string owner)
    {
        var parts = owner.Split('/');
        if (parts.Length != 3 || parts[0] != Environment.MachineName || !int.TryParse(parts[1], out var pid)) return false;
        try
        {
            using var process = Process.GetProcessById(pid);
            return Describe(parts[0], pid, StartOf(process)) != owner;
        }
        catch (ArgumentException)
        {
            return true; // no process with that id
        }
        catch (InvalidOperationException)
        {
            return true; // it exited while being looked at
        }
    }

    private static string Describe(string host, int pid, long startTicks) =>
        string.Create(CultureInfo.InvariantCulture, $"{host}/{pid}/{startTicks}");

    private static long StartOf(Process process) => process.StartTime.ToUniversalTime().Ticks;
}
