using System.CommandLine;
using System.Globalization;
using IndicatorWarehouse.Application.Ingest;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Domain.Calendar;
using IndicatorWarehouse.Ingestion;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Warehouse.Loading;

namespace IndicatorWarehouse.Cli.Commands;

internal static class IngestCommand
{
    public static Command Create()
    {
        var kind = new Argument<string>("source") { Description = "onestop, pakn, digitization, targets or figures (reported by hand)" };
        kind.AcceptOnlyFromAmong("onestop", "pakn", "digitization", "targets", "figures");
        var file = new Argument<string>("file") { Description = "CSV (UTF-8), JSON array or XLSX (first sheet)" };
        var asOf = new Option<string?>("--as-of") { Description = "the moment the file describes, in the data's time zone, e.g. 2026-11-20T17:00 (default: now; never later than now)" };
        var profile = new Option<string?>("--profile") { Description = "vendor mapping profile, e.g. mot-cua-excel, dvcqg-sync (default: canonical form)" };
        var reload = new Option<bool>("--reload")
        {
            Description = "load a file already loaded again, e.g. with a corrected --profile or --as-of: a new snapshot that replaces the first one's effect",
        };
        var command = new Command("ingest", "Load one snapshot file; bad rows go to quarantine, the same content twice changes nothing")
            { kind, file, asOf, profile, reload };
        CommandAction.Set(command, async (parse, ct) =>
        {
            var source = Enum.Parse<SourceKind>(parse.GetValue(kind)!, ignoreCase: true);
            var path = parse.GetValue(file)!;
            var database = GlobalOptions.Settings(parse).Open();
            var when = parse.GetValue(asOf) is { } text ? ParseAsOf(text, database.Clock) : (DateTime?)null;
            if (SourceFileReader.SheetRead(path) is { } sheet) Console.WriteLine($"{path}: {sheet}");
            var result = await new IngestService(database, ReferenceFiles.Default())
                .IngestFileAsync(source, path, when, parse.GetValue(profile), ConsoleProgress.ForRows(), ct, parse.GetValue(reload));
            ConsoleProgress.Clear();
            Console.WriteLine(Summary(path, result));
            return CommandAction.Ok;
        });
        return command;
    }

    /// <summary>One line on what loading a file did (also what `iw quarantine retry` prints).</summary>
    internal static string Summary(string path, SnapshotResult result) => result.AlreadyLoaded
        ? $"{path}: đã nạp ở lô {result.SnapshotId}, không có gì thay đổi / already loaded as snapshot {result.SnapshotId}; nothing changed " +
          "(to load it again under a corrected --profile or --as-of: --reload)."
        : (result.Replaced is { } replaced ? $"{path}: thay lô {replaced} (đã hoàn tác) / replaces snapshot {replaced} (reverted). " : "") +
          $"{path}: snapshot {result.SnapshotId} — read {result.Read:N0}, loaded {result.Inserted:N0}, updated {result.Updated:N0}, " +
          $"unchanged {result.Unchanged:N0}, skipped as older {result.Stale:N0}, quarantined {result.Quarantined:N0} " +
          $"({result.RowsPerSecond:N0} rows/s)" +
          (result.IsEmpty ? ". CẢNH BÁO: tệp không có dòng dữ liệu nào (chỉ có tiêu đề), không tính là dữ liệu mới / WARNING: empty export " +
                            "(header only): loaded, but it does not count as fresh data for the stale-source alert." : "") +
          (result.Superseded == 0 ? "" : Environment.NewLine +
          $"{path}: {result.Superseded:N0} dòng bị một dòng sau của cùng bản ghi với nội dung khác thay thế (dòng sau cùng được giữ) / " +
          $"{result.Superseded:N0} lines superseded by a later line of the same record with different content (the last one is kept)");

    /// <summary>An --as-of as the data's wall-clock time: as written when it names no zone, converted to the data's
    /// zone when it carries an offset (…Z, …+07:00).</summary>
    internal static DateTime ParseAsOf(string text, DataClock clock) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? t.Kind == DateTimeKind.Unspecified ? t : clock.ToDataTime(t.ToUniversalTime())
            : throw new FormatException($"--as-of '{text}' is not a date-time: use e.g. 2026-11-20T17:00.");
}
