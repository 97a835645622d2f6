using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using IndicatorWarehouse.Warehouse.Ledger;

namespace IndicatorWarehouse.Cli;

/// <summary>How a command uses the warehouse named by <c>--db</c>/<c>IW_DB</c>.</summary>
internal enum WarehouseUse
{
    /// <summary>Not at all (generate, index766), or on its own terms (demo makes its own; restore replaces it).</summary>
    None,
    /// <summary>Reads one that must already exist (a typo in --db must not create an empty file); under WAL a reader
    /// never waits for a writer.</summary>
    Reads,
    /// <summary>Writes to one that must already exist: says so and waits when another process is writing.</summary>
    Writes,
    /// <summary>Creates it when missing (`iw init`).</summary>
    Creates,
}

/// <summary>What every command does before its own work: refuses a warehouse file that does not exist, holds the
/// warehouse in use for the life of the process (so `iw restore` refuses meanwhile), says so and waits when another
/// process is writing (commands that write), and marks the ledger's runs whose process died as abandoned.</summary>
internal static class WarehouseGate
{
    // Held until the process exits; the operating system releases it then, however the process ends.
    private static IDisposable? _inUse;

    public static async Task EnterAsync(ParseResult parse, WarehouseUse use, CancellationToken ct)
    {
        if (use == WarehouseUse.None) return;
        var settings = GlobalOptions.Settings(parse);
        var isFile = settings is { Provider: "sqlite", Connection: null };
        if (isFile && !File.Exists(settings.DbPath))
        {
            if (use != WarehouseUse.Creates)
                throw new FileNotFoundException($"Kho dữ liệu '{Path.GetFullPath(settings.DbPath!)}' không tồn tại / the warehouse does not " +
                    "exist: check --db (or IW_DB), or create it with `iw init`.", settings.DbPath);
        }
        var database = settings.Open();
        _inUse ??= database.Dialect.HoldInUse(database.ConnectionString);
        if (isFile && !File.Exists(settings.DbPath)) return; // `iw init` is about to create it
        if (use != WarehouseUse.Reads)
            await database.Dialect.WaitForWritersAsync(database.ConnectionString, () => Console.Error.WriteLine(
            $"Kho dữ liệu đang bận: một tiến trình khác đang ghi; chờ tối đa {settings.BusyTimeoutSeconds} giây… " +
            $"/ the warehouse is busy (another process is writing); waiting up to {settings.BusyTimeoutSeconds} s"), ct);
        await MarkAbandonedAsync(new RunLedger(database), ct);
    }

    private static async Task MarkAbandonedAsync(RunLedger ledger, CancellationToken ct)
    {
        IReadOnlyList<AbandonedRun> abandoned;
        try
        {
            abandoned = await ledger.MarkAbandonedAsync(ct);
        }
        catch (DbException)
        {
            return; // a warehouse not yet migrated to 011 records no owners to look at; `iw init` brings it up to date
        }
        foreach (var run in abandoned)
            Console.Error.WriteLine($"Nhật ký: lượt chạy {run.RunId} ({run.Job}, bắt đầu {run.StartedAt.ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture)}) " +
                "bị bỏ dở — tiến trình của nó đã dừng; đã đánh dấu 'abandoned' / run marked abandoned: its process is gone.");
    }
}
