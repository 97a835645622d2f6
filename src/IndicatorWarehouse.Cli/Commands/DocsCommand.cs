using System.CommandLine;
using IndicatorWarehouse.Application.Docs;
using IndicatorWarehouse.Application.Setup;

namespace IndicatorWarehouse.Cli.Commands;

internal static class DocsCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "file to write", DefaultValueFactory = _ => "sql/data-dictionary.md" };
        var command = new Command("docs", "Generate the data dictionary (indicators and analyst views) from the catalog") { output };
        CommandAction.Set(command, async (parse, ct) =>
        {
            var settings = GlobalOptions.Settings(parse);
            var database = settings.Open();
            await new InitService(database, ReferenceFiles.Default()).RunAsync(ct);
            var path = parse.GetValue(output)!;
            await File.WriteAllTextAsync(path, await new DataDictionary(database, ReferenceFiles.Default()).GenerateAsync(ct), ct);
            Console.WriteLine(path);
            return CommandAction.Ok;
        }, WarehouseUse.Creates);   // it migrates the warehouse it describes, as `iw init` would
        return command;
    }
}
