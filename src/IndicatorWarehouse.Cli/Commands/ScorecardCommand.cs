using System.CommandLine;
using IndicatorWarehouse.Application.Reports;
using IndicatorWarehouse.Application.Reports.Scorecards;
using IndicatorWarehouse.Application.Setup;

namespace IndicatorWarehouse.Cli.Commands;

internal static class ScorecardCommand
{
    public static Command Create()
    {
        var agency = new Option<string>("--agency") { Description = "unit code: a Sở (TNI.SYT), a commune (TNI.X001) or the centre (TNI.TTPVHCC)", Required = true };
        var period = new Option<string>("--period") { Description = "month, YYYY-MM", Required = true };
        var output = new Option<string>("--out") { Description = "folder to write the scorecard into", Required = true };
        var format = ReportOptions.Format("pdf", "html");
        var command = new Command("scorecard", "Monthly scorecard of one unit (A4 PDF, Vietnamese)") { agency, period, output, format };
        CommandAction.Set(command, async (parse, ct) =>
        {
            var model = await new ScorecardQuery(GlobalOptions.Settings(parse).Open(), ReferenceFiles.Default())
                .LoadAsync(parse.GetValue(agency)!, parse.GetValue(period)!, DateOnly.FromDateTime(DateTime.Now), ct);
            await using var writer = new ReportWriter();
            Console.WriteLine(await ReportFiles.WriteScorecardAsync(writer, model, parse.GetValue(output)!, ReportFormats.Parse(parse.GetValue(format)!), ct));
            return CommandAction.Ok;
        });
        return command;
    }
}
