using System.CommandLine;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Application.Reports;
using IndicatorWarehouse.Application.Reports.Rankings;

namespace IndicatorWarehouse.Cli.Commands;

internal static class RankingCommand
{
    public static Command Create()
    {
        var period = new Option<string>("--period") { Description = "month, YYYY-MM", Required = true };
        var output = new Option<string>("--out") { Description = "folder to write the ranking into", Required = true };
        var province = ReportOptions.Province();
        var format = ReportOptions.Format("pdf", "html");
        var command = new Command("ranking", "Monthly ranking of every unit of the province by 766 total and on-time rate (PDF)")
            { period, output, province, format };
        CommandAction.Set(command, async (parse, ct) =>
        {
            var database = GlobalOptions.Settings(parse).Open();
            await using var writer = new ReportWriter();
            if (ReportFormats.Parse(parse.GetValue(format)!) == ReportFormat.Html)
            {
                var model = await new RankingQuery(database)
                    .LoadAsync(parse.GetValue(province)!, parse.GetValue(period)!, database.Clock.Today, ct);
                Console.WriteLine(await ReportFiles.WriteRankingAsync(writer, model, parse.GetValue(output)!, ReportFormat.Html, ct));
                return CommandAction.Ok;
            }
            // A PDF is an issue: archived with its figures, and marked "Bản điều chỉnh" when it revises an earlier one.
            var issued = await new RankingIssuer(database, ReferenceFiles.Default())
                .IssueAsync(writer, parse.GetValue(province)!, parse.GetValue(period)!, parse.GetValue(output)!, ct: ct);
            ReportOptions.PrintIssued(issued);
            return CommandAction.Ok;
        });
        return command;
    }
}
