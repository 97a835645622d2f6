using System.CommandLine;
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
            var model = await new RankingQuery(GlobalOptions.Settings(parse).Open())
                .LoadAsync(parse.GetValue(province)!, parse.GetValue(period)!, DateOnly.FromDateTime(DateTime.Now), ct);
            await using var writer = new ReportWriter();
            Console.WriteLine(await ReportFiles.WriteRankingAsync(writer, model, parse.GetValue(output)!, ReportFormats.Parse(parse.GetValue(format)!), ct));
            return CommandAction.Ok;
        });
        return command;
    }
}
