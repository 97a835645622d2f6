using System.CommandLine;
using IndicatorWarehouse.Warehouse.Dialects;

namespace IndicatorWarehouse.Cli;

/// <summary>Runs a command body and turns the failures people cause (bad input, refused SQL or revert, missing files)
/// into one clear line on stderr and a non-zero exit, instead of a stack trace.</summary>
internal static class CommandAction
{
    public const int Ok = 0, Failed = 1, Refused = 2;

    public static void Set(Command command, Func<ParseResult, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                return await body(parse, ct);
            }
            catch (Exception e) when (e is ReadOnlyViolationException or IndicatorWarehouse.Warehouse.Snapshots.SnapshotConflictException)
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
}
