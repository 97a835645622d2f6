using System.CommandLine;
using IndicatorWarehouse.Application.Reports;
using IndicatorWarehouse.Application.Reports.Reviews;
using IndicatorWarehouse.Application.Setup;

namespace IndicatorWarehouse.Cli.Commands;

internal static class ReviewCommand
{
    public static Command Create()
    {
        var from = new Option<int>("--from") { Description = "first year, YYYY", Required = true };
        var to = new Option<int>("--to") { Description = "last year, YYYY", Required = true };
        var output = new Option<string>("--out") { Description = "folder to write the review into", Required = true };
        var province = ReportOptions.Province();
        var format = ReportOptions.Format("pdf", "html");
        var command = new Command("review", "Leadership multi-year trend review of the province and each Sở, against the plans' targets (PDF)")
            { from, to, output, province, format };
        CommandAction.Set(command, async (parse, ct) =>
        {
            var database = GlobalOptions.Settings(parse).Open();
            await using var writer = new ReportWriter();
            if (ReportFormats.Parse(parse.GetValue(format)!) == ReportFormat.Html)
            {
                var model = await new ReviewQuery(database, ReferenceFiles.Default())
                    .LoadAsync(parse.GetValue(province)!, parse.GetValue(from), parse.GetValue(to), database.Clock.Today, ct);
                Console.WriteLine(await ReportFiles.WriteReviewAsync(writer, model, parse.GetValue(output)!, ReportFormat.Html, ct));
                return CommandAction.Ok;
            }
            // A PDF is an issue: archived with its figures, and marked "Bản điều chỉnh" when it revises an earlier one.
            ReportOptions.PrintIssued(await new ReviewIssuer(database, ReferenceFiles.Default())
                .IssueAsync(writer, parse.GetValue(province)!, parse.GetValue(from), parse.GetValue(to), parse.GetValue(output)!, ct: ct));
            return CommandAction.Ok;
        });
        return command;
    }
}
