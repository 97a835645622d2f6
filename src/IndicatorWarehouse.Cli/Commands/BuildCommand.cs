using System.CommandLine;
using IndicatorWarehouse.Application.Build;
using IndicatorWarehouse.Application.Setup;

namespace IndicatorWarehouse.Cli.Commands;

internal static class BuildCommand
{
    public static Command Create()
    {
        var from = new Option<string?>("--from") { Description = "first month to rebuild, YYYY-MM" };
        var to = new Option<string?>("--to") { Description = "last month to rebuild, YYYY-MM" };
        var all = new Option<bool>("--all") { Description = "rebuild every period, not only those changed since the last build" };
        var command = new Command("build", "(Re)compute measures, 766 scores and target status for the periods touched") { from, to, all };
        CommandAction.Set(command, async (parse, ct) =>
        {
            var report = await new BuildService(GlobalOptions.Settings(parse).Open(), ReferenceFiles.Default())
                .BuildAsync(new BuildRequest(parse.GetValue(from), parse.GetValue(to), parse.GetValue(all)), ct);
            Console.WriteLine(report.NothingToDo
                ? "Nothing to rebuild: no load changed any period since the last build (use --all to rebuild everything)."
                : $"Built {report.Periods} periods from {report.From:dd/MM/yyyy} to {report.To:dd/MM/yyyy}: {report.Values} values in {report.Elapsed.TotalSeconds:0.0} s.");
            foreach (var line in report.Rescore?.Lines() ?? []) Console.WriteLine(line);
            return CommandAction.Ok;
        });
        return command;
    }
}
