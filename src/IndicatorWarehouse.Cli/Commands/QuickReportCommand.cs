using System.CommandLine;
using System.Globalization;
using IndicatorWarehouse.Application.Files;
using IndicatorWarehouse.Application.QuickReport;
using IndicatorWarehouse.Application.Reports;
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
        var format = new Option<string?>("--format") { Description = "text, pdf or html (default: text when printed, pdf with --out)" };
        format.AcceptOnlyFromAmong("text", "pdf", "html");
        var command = new Command("quick-report", "The daily quick report of one unit (seed 001 annex) with dossiers falling due")
            { agency, date, from, output, format };
        CommandAction.Set(command, async (parse, ct) =>
        {
            var directory = parse.GetValue(output);
            var kind = ReportFormats.Parse(parse.GetValue(format) ?? (directory is null ? "text" : "pdf"));
            if (directory is null && kind != ReportFormat.Text) throw new ArgumentException($"--format {parse.GetValue(format)} writes a file: give --out DIR.");
            var day = Day(parse.GetValue(date)!);
            var start = parse.GetValue(from) is { } f ? Day(f) : (DateOnly?)null;
            var report = await new QuickReportService(GlobalOptions.Settings(parse).Open(), ReferenceFiles.Default())
                .BuildAsync(parse.GetValue(agency)!, day, start, ct);
            if (directory is null)
            {
                Console.Write(QuickReportText.Render(report));
            }
            else if (kind == ReportFormat.Text)
            {
                Directory.CreateDirectory(directory);
                var path = SafeFileName.In(directory, ReportFiles.QuickReportName(report.AgencyCode, day) + kind.Extension());
                await File.WriteAllTextAsync(path, QuickReportText.Render(report), ct);
                Console.WriteLine(path);
            }
            else
            {
                await using var writer = new ReportWriter();
                Console.WriteLine(await ReportFiles.WriteQuickReportAsync(writer, QuickReportSheets.From(report), directory, kind, ct));
            }
            return CommandAction.Ok;
        });
        return command;
    }

    private static DateOnly Day(string text) => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
        ? d : throw new FormatException($"'{text}' is not a date: use YYYY-MM-DD.");
}
