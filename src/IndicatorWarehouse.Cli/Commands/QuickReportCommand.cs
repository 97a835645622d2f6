using System.CommandLine;
using System.Globalization;
using IndicatorWarehouse.Application.QuickReport;
using IndicatorWarehouse.Application.Setup;

namespace IndicatorWarehouse.Cli.Commands;

internal static class QuickReportCommand
{
    public static Command Create()
    {
        var agency = new Option<string>("--agency") { Description = "unit code, e.g. TNI.SYT", Required = true };
        var date = new Option<string>("--date") { Description = "report day, YYYY-MM-DD", Required = true };
        var from = new Option<string?>("--from") { Description = "first day counted, YYYY-MM-DD (default: first of the month)" };
        var output = new Option<string?>("--out") { Description = "folder to write the report into (printed otherwise)" };
        var command = new Command("quick-report", "The daily quick report of one unit (seed 001 annex) with dossiers falling due") { agency, date, from, output };
        CommandAction.Set(command, async (parse, ct) =>
        {
            var day = Day(parse.GetValue(date)!);
            var start = parse.GetValue(from) is { } f ? Day(f) : (DateOnly?)null;
            var report = await new QuickReportService(GlobalOptions.Settings(parse).Open(), ReferenceFiles.Default())
                .BuildAsync(parse.GetValue(agency)!, day, start, ct);
            var text = QuickReportText.Render(report);
            if (parse.GetValue(output) is { } dir)
            {
                Directory.CreateDirectory(dir);
                var path = Path.Combine(dir, $"bao-cao-nhanh_{report.AgencyCode}_{day:yyyy-MM-dd}.txt");
                await File.WriteAllTextAsync(path, text, ct);
                Console.WriteLine(path);
            }
            else Console.Write(text);
            return CommandAction.Ok;
        });
        return command;
    }

    private static DateOnly Day(string text) => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
        ? d : throw new FormatException($"'{text}' is not a date: use YYYY-MM-DD.");
}
