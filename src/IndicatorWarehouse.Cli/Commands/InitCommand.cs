using System.CommandLine;
using IndicatorWarehouse.Application.Setup;

namespace IndicatorWarehouse.Cli.Commands;

internal static class InitCommand
{
    public static Command Create()
    {
        var command = new Command("init", "Create or migrate the warehouse and load reference data (idempotent)");
        CommandAction.Set(command, async (parse, ct) =>
        {
            var settings = GlobalOptions.Settings(parse);
            var report = await new InitService(settings.Open(), ReferenceFiles.Default()).RunAsync(ct);
            Console.WriteLine(report.Applied.Count == 0
                ? $"Warehouse {settings.Describe()} is up to date ({report.AlreadyApplied} migrations)."
                : $"Warehouse {settings.Describe()}: applied {string.Join(", ", report.Applied)}.");
            return CommandAction.Ok;
        }, WarehouseUse.Creates);
        return command;
    }
}
