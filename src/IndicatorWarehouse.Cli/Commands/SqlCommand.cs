using System.CommandLine;
using IndicatorWarehouse.Application.Analysis;
using IndicatorWarehouse.Warehouse.Queries;

namespace IndicatorWarehouse.Cli.Commands;

internal static class SqlCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "one read-only SQL statement, e.g. \"SELECT * FROM mart_indicator_monthly\"" };
        var format = FormatOption.Create();
        var timeout = new Option<int>("--timeout")
        {
            Description = "seconds the statement may run before it is stopped",
            DefaultValueFactory = _ => (int)AdHocQuery.DefaultTimeout.TotalSeconds,
        };
        var command = new Command("sql", "Run a read-only query for analysts; statements that would write are refused") { query, format, timeout };
        CommandAction.Set(command, async (parse, ct) =>
        {
            var result = await new AdHocQuery(GlobalOptions.Settings(parse).Open(), TimeSpan.FromSeconds(parse.GetValue(timeout)))
                .RunAsync(parse.GetValue(query)!, ct: ct);
            ResultFormatter.Write(result, parse.GetValue(format)!, Console.Out);
            return CommandAction.Ok;
        }, WarehouseUse.Reads);
        return command;
    }
}
