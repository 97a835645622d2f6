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
            var database = GlobalOptions.Settings(parse).Open();
            await using var writer = new ReportWriter();
            if (ReportFormats.Parse(parse.GetValue(format)!) == ReportFormat.Html)
            {
                var model = await new ScorecardQuery(database, ReferenceFiles.Default())
                    .LoadAsync(parse.GetValue(agency)!, parse.GetValue(period)!, database.Clock.Today, ct);
                Console.WriteLine(await ReportFiles.WriteScorecardAsync(writer, model, parse.GetValue(output)!, ReportFormat.Html, ct));
                return CommandAction.Ok;
            }
            // A PDF is an issue: archived with its figures, and marked "Bản điều chỉnh" when it revises an earlier one.
            var issued = await new ScorecardIssuer(database, ReferenceFiles.Default())
                .IssueAsync(writer, parse.GetValue(agency)!, parse.GetValue(period)!, parse.GetValue(output)!, ct: ct);
            ReportOptions.PrintIssued(issued);
            return CommandAction.Ok;
        });
        return command;
    }
}
