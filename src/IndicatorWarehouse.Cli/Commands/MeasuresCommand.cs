using System.CommandLine;
using IndicatorWarehouse.Application.Measures;
using IndicatorWarehouse.Application.Setup;

namespace IndicatorWarehouse.Cli.Commands;

internal static class MeasuresCommand
{
    public static Command Create()
    {
        var agency = new Option<string>("--agency") { Description = "unit code, e.g. TNI.SYT", Required = true };
        var period = new Option<string>("--period") { Description = "2026-10, 2026-Q3, 2026-H1, 2026, R2026-10, R2026-Q3, R2026", Required = true };
        var format = new Option<string>("--format") { Description = "json, csv or table", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("json", "csv", "table");
        var lineage = new Option<bool>("--lineage") { Description = "add the unit's predecessors (2025 mergers) so years compare" };
        var command = new Command("measures", "The measures of one unit and period") { agency, period, format, lineage };
        CommandAction.Set(command, async (parse, ct) =>
        {
            var query = new MeasuresQuery(GlobalOptions.Settings(parse).Open());
            var rows = await query.ForAsync(parse.GetValue(agency)!, parse.GetValue(period)!, parse.GetValue(lineage), ct);
            MeasuresFormatter.Write(rows, parse.GetValue(format)!, Console.Out, ReferenceFiles.Default().Index766Rules(),
                await query.ProvisionalMarkAsync(parse.GetValue(period)!, ct));
            return CommandAction.Ok;
        }, WarehouseUse.Reads);
        return command;
    }
}
