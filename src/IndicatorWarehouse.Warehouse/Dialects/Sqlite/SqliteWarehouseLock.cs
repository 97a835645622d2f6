namespace IndicatorWarehouse.Warehouse.Dialects.Sqlite;

/// <summary>The advisory lock that says a warehouse file is in use: <c>&lt;warehouse&gt;.lock</c> beside it, held shared
/// by every `iw` process and every server for as long as they run, and taken exclusively by `iw restore` for the swap.
/// A count of open connections cannot tell (pooled, idle or between requests, a server may hold none for a moment);
/// the lock is held from start to exit and the operating system drops it when a process dies. .NET takes it with the
/// file's share mode: flock(2) shared/exclusive on Linux, a share-mode lock on Windows.</summary>
internal static class SqliteWarehouseLock
{
    // ERROR_SHARING_VIOLATION: what .NET reports on every platform when the lock is held the other way.
    private const int SharingViolation = unchecked((int)0x80070020);

    public static string PathFor(string warehouse) => Path.GetFullPath(warehouse) + ".lock";

    /// <summary>Holds the warehouse in use until disposed. Where no lock file can be made (a read-only folder, where no
    /// restore can swap the file either) it holds nothing.</summary>
    public static IDisposable HoldShared(string warehouse)
    {
        try
        {
            return Open(warehouse, FileShare.ReadWrite);
        }
        catch (IOException e) when (e.HResult == SharingViolation)
        {
            throw new IOException($"Kho dữ liệu '{Path.GetFullPath(warehouse)}' đang được khôi phục / the warehouse is being " +
                "restored (iw restore); try again when it has finished.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return NothingHeld.Instance;
        }
    }

    /// <summary>The lock alone, or null while any process (this one included) holds the warehouse in use.</summary>
    public static IDisposable? TryExclusive(string warehouse)
    {
        try
        {
            return Open(warehouse, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static FileStream Open(string warehouse, FileShare share)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathFor(warehouse))!);
        return new FileStream(PathFor(warehouse), FileMode.OpenOrCreate, FileAccess.ReadWrite, share);
    }
}
