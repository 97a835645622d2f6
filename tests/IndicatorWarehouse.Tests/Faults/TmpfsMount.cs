using System.Diagnostics;

namespace IndicatorWarehouse.Tests.Faults;

/// <summary>A small tmpfs mounted for one test: a disk that fills up, or a file system made read-only. Tests run as
/// root in CI, where file permissions stop nothing, so a real mount is the way to get a write that fails.</summary>
public sealed class TmpfsMount : IAsyncDisposable
{
    public string Directory { get; }

    private TmpfsMount(string directory) => Directory = directory;

    /// <summary>Why these tests cannot run here (not root, or no permission to mount), or null when they can.</summary>
    public static string? SkipReason { get; } = Probe();

    public static async Task<TmpfsMount> MountAsync(string size)
    {
        var directory = Path.Combine(Path.GetTempPath(), "iw-tmpfs-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(directory);
        await RunAsync("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", directory);
        return new TmpfsMount(directory);
    }

    public Task ResizeAsync(string size) => RunAsync("mount", "-o", $"remount,size={size}", Directory);

    public Task MakeReadOnlyAsync() => RunAsync("mount", "-o", "remount,ro", Directory);

    public Task MakeWritableAsync() => RunAsync("mount", "-o", "remount,rw", Directory);

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await RunAsync("umount", Directory);
        System.IO.Directory.Delete(Directory);
    }

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux()) return "needs Linux (tmpfs mounts)";
        if (Environment.UserName != "root") return "needs root to mount a tmpfs (CI runs as root)";
        try
        {
            MountAsync("64k").GetAwaiter().GetResult().DisposeAsync().AsTask().GetAwaiter().GetResult();
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return "cannot mount a tmpfs here: " + e.Message;
        }
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)}: {(await stderr).Trim()}");
    }
}

/// <summary>A fact that needs <see cref="TmpfsMount"/>; reported skipped, with the reason, where mounting is not possible.</summary>
public sealed class MountFactAttribute : FactAttribute
{
    public MountFactAttribute()
    {
        if (TmpfsMount.SkipReason is { } reason) Skip = reason;
    }
}
