using System.CommandLine;
using IndicatorWarehouse.Application.Analysis;
using IndicatorWarehouse.Application.Rules;
using IndicatorWarehouse.Application.Setup;

namespace IndicatorWarehouse.Cli.Commands;

/// <summary><c>iw rules list|show</c>: the rule sets the warehouse recorded, and the files of one as they were.</summary>
internal static class RulesCommand
{
    public static Command Create() => new("rules", "Các bộ quy tắc đã dùng / recorded rule sets (indicators, 766, deadlines, holidays)")
        { List(), Show() };

    private static Command List()
    {
        var format = FormatOption.Create();
        var command = new Command("list", "Every rule set with when it was first used and the periods whose values it made") { format };
        CommandAction.Set(command, async (parse, ct) =>
        {
            var sets = await new RuleSetService(GlobalOptions.Settings(parse).Open(), ReferenceFiles.Default()).ListAsync(ct);
            ResultFormatter.Write(RuleSetText.List(sets, parse.GetValue(format)!), parse.GetValue(format)!, Console.Out);
            return CommandAction.Ok;
        }, WarehouseUse.Reads);
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<long>("id") { Description = "rule set id (iw rules list)" };
        var file = new Option<string?>("--file") { Description = "print this file of the set exactly as recorded, e.g. index766.yaml" };
        var command = new Command("show", "One rule set: its files' versions and hashes, what changed from the set before, re-scoring builds")
            { id, file };
        CommandAction.Set(command, async (parse, ct) =>
        {
            var service = new RuleSetService(GlobalOptions.Settings(parse).Open(), ReferenceFiles.Default());
            Console.Write(parse.GetValue(file) is { } name
                ? (await service.FileAsync(parse.GetValue(id), name, ct)).Text
                : RuleSetText.Detail(await service.ShowAsync(parse.GetValue(id), ct)));
            return CommandAction.Ok;
        }, WarehouseUse.Reads);
        return command;
    }
}
