using System.CommandLine;
using IndicatorWarehouse.Warehouse.Dialects;

namespace IndicatorWarehouse.Cli;

/// <summary>Runs a command body and turns the failures people cause (bad input, refused SQL or revert, missing files)
/// into one clear line on stderr and a non-zero exit, instead of a stack trace.</summary>
internal static class CommandAction
{
    public const int Ok = 0, Failed = 1, Refused = 2;

    /// <summary>Sets the command's body, run behind the <see cref="WarehouseGate"/> for the <paramref name="use"/> it makes
    /// of the warehouse.</summary>
    public static void Set(Command command, Func<ParseResult, CancellationToken, Task<int>> body, WarehouseUse use = WarehouseUse.Writes) =>
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                await WarehouseGate.EnterAsync(parse, use, ct);
                return await body(parse, ct);
            }
            catch (System.Data.Common.DbException e) when (IsBusy(parse, e))
            {
                var seconds = GlobalOptions.Settings(parse).BusyTimeoutSeconds;
                await Console.Error.WriteLineAsync($"Lỗi / error: kho dữ liệu vẫn bận sau {seconds} giây chờ (một tiến trình khác đang ghi) " +
                    $"/ the warehouse stayed busy for {seconds} s (another process is writing). Try again later, or wait longer with " +
                    "--busy-timeout SECONDS (IW_BUSY_TIMEOUT).");
                return Failed;
            }
            catch (Exception e) when (e is ReadOnlyViolationException or IndicatorWarehouse.Warehouse.Snapshots.SnapshotConflictException
                                           or IndicatorWarehouse.Warehouse.Queries.QueryLimitException)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return Refused;
            }
            catch (IndicatorWarehouse.Ingestion.Records.SourceRejectedException e)
            {
                await Console.Error.WriteLineAsync($"Tệp bị từ chối / file rejected: {e.Message}");
                return Failed;
            }
            catch (Exception e) when (e is InvalidDataException or KeyNotFoundException or FileNotFoundException or FormatException
                                           or ArgumentException or NotSupportedException or InvalidOperationException
                                           or System.Data.Common.DbException or IOException
                                           or IndicatorWarehouse.Reporting.Pdf.ChromiumNotFoundException)
            {
                await Console.Error.WriteLineAsync($"Lỗi / error: {e.Message}");
                return Failed;
            }
        });

    private static bool IsBusy(ParseResult parse, Exception e)
    {
        try
        {
            return GlobalOptions.Settings(parse).Open().Dialect.IsTransient(e);
        }
        catch (ArgumentException)
        {
            return false; // settings themselves are wrong: the other handlers say how
        }
    }
}
