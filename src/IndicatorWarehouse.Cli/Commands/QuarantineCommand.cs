using System.CommandLine;
using System.Globalization;
using IndicatorWarehouse.Application.Analysis;
using IndicatorWarehouse.Application.Operations;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Warehouse.Quarantine;

namespace IndicatorWarehouse.Cli.Commands;

/// <summary><c>iw quarantine list|export|retry</c>: the rows loads refused, a file to fix them in, and loading it back.</summary>
internal static class QuarantineCommand
{
    public static Command Create() => new("quarantine", "Các dòng bị cách ly khi nạp: xem, xuất ra để sửa, nạp lại / quarantined rows: list, export to fix, retry")
        { List(), Export(), Retry() };

    private sealed record FilterOptions(Option<string?> Source, Option<long?> Snapshot, Option<bool> Open)
    {
        public static FilterOptions AddTo(Command command)
        {
            var options = new FilterOptions(
                new Option<string?>("--source") { Description = "onestop, pakn, digitization, targets or figures" },
                new Option<long?>("--snapshot") { Description = "one snapshot's entries (iw snapshots list)" },
                new Option<bool>("--open") { Description = "only entries not yet settled (and of snapshots not reverted)" });
            command.Options.Add(options.Source);
            command.Options.Add(options.Snapshot);
            command.Options.Add(options.Open);
            return options;
        }

        public QuarantineFilter Read(ParseResult parse) => new(parse.GetValue(Source), parse.GetValue(Snapshot), parse.GetValue(Open));
    }

    private static Command List()
    {
        var format = FormatOption.Create();
        var command = new Command("list", "Quarantined rows with the field and reason, and whether a later load settled them") { format };
        var filter = FilterOptions.AddTo(command);
        CommandAction.Set(command, async (parse, ct) =>
        {
            var entries = await Service(parse).ListAsync(filter.Read(parse), ct);
            ResultFormatter.Write(QuarantineText.List(entries, parse.GetValue(format)!), parse.GetValue(format)!, Console.Out);
            return CommandAction.Ok;
        }, WarehouseUse.Reads);
        return command;
    }

    private static Command Export()
    {
        var output = new Option<string>("--out") { Description = "CSV file to write (UTF-8, opens in Excel)", Required = true };
        var command = new Command("export", "Write quarantined rows (original fields plus line, field and reason) to a CSV to fix and retry") { output };
        var filter = FilterOptions.AddTo(command);
        CommandAction.Set(command, async (parse, ct) =>
        {
            var path = parse.GetValue(output)!;
            var count = await Service(parse).ExportAsync(filter.Read(parse), path, ct);
            Console.WriteLine($"{path}: {count.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))} dòng cách ly / quarantined rows. " +
                "Sửa các ô sai, giữ nguyên các cột iw_*, rồi chạy: iw quarantine retry " + path);
            return CommandAction.Ok;
        }, WarehouseUse.Reads);
        return command;
    }

    private static Command Retry()
    {
        var file = new Argument<string>("file") { Description = "a file written by `iw quarantine export`, corrected (CSV or XLSX)" };
        var asOf = new Option<string?>("--as-of")
            { Description = "the moment the rows describe (default: that of the snapshots they were quarantined in)" };
        var command = new Command("retry", "Load the corrected rows as a new snapshot of their source; rows that load settle their entries") { file, asOf };
        CommandAction.Set(command, async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var database = GlobalOptions.Settings(parse).Open();
            var when = parse.GetValue(asOf) is { } text ? IngestCommand.ParseAsOf(text, database.Clock) : (DateTime?)null;
            var retry = await new QuarantineService(database, ReferenceFiles.Default()).RetryAsync(path, when, ConsoleProgress.ForRows(), ct);
            ConsoleProgress.Clear();
            Console.WriteLine(IngestCommand.Summary(path, retry.Snapshot));
            Console.WriteLine($"Đã xử lý {retry.Settled.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))} mục cách ly / quarantine entries settled.");
            return CommandAction.Ok;
        });
        return command;
    }

    private static QuarantineService Service(ParseResult parse) => new(GlobalOptions.Settings(parse).Open(), ReferenceFiles.Default());
}
