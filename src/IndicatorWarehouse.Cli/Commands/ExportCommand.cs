using System.CommandLine;
using IndicatorWarehouse.Application.Exports;
using IndicatorWarehouse.Application.Setup;

namespace IndicatorWarehouse.Cli.Commands;

/// <summary><c>iw export bieu06</c>: the national one-stop results form as XLSX and/or CSV.</summary>
internal static class ExportCommand
{
    public static Command Create() => new("export", "Export national report forms as files for offices (XLSX) and tools (CSV)") { Bieu06() };

    private static Command Bieu06()
    {
        var period = new Option<string>("--period") { Description = "period: 2026-10, 2026-Q3, 2026-H1, 2026, R2026-Q1 …", Required = true };
        var output = new Option<string>("--out") { Description = "folder to write the files into", Required = true };
        var agency = new Option<string?>("--agency") { Description = "one unit, e.g. TNI.SYT (default: every unit)" };
        var province = new Option<string?>("--province") { Description = "the units of one province, e.g. TNI" };
        var format = new Option<string>("--format") { Description = "xlsx, csv or both", DefaultValueFactory = _ => "xlsx" };
        format.AcceptOnlyFromAmong("xlsx", "csv", "both");
        var command = new Command("bieu06", "Biểu 06: one-stop results per unit, field and level for any period")
            { period, output, agency, province, format };
        CommandAction.Set(command, async (parse, ct) =>
        {
            // Every export is an issue: archived with its cells, and marked "Bản điều chỉnh" when it revises an earlier one.
            var formats = Enum.Parse<ExportFormat>(parse.GetValue(format)!, ignoreCase: true);
            ReportOptions.PrintIssued(await new Bieu06Issuer(GlobalOptions.Settings(parse).Open(), ReferenceFiles.Default())
                .IssueAsync(parse.GetValue(period)!, parse.GetValue(agency), parse.GetValue(province), parse.GetValue(output)!, formats, ct));
            return CommandAction.Ok;
        });
        return command;
    }
}
