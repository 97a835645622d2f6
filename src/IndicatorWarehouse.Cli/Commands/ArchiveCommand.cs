using System.CommandLine;
using IndicatorWarehouse.Application.Analysis;
using IndicatorWarehouse.Application.Archive;

namespace IndicatorWarehouse.Cli.Commands;

/// <summary><c>iw archive list|show|save</c>: the reports issued (scorecards, rankings, reviews, Biểu 06), each kept
/// exactly as it was issued, revisions beside the originals.</summary>
internal static class ArchiveCommand
{
    public static Command Create() => new("archive", "Các báo cáo đã phát hành, giữ nguyên như khi phát hành / issued reports, kept as issued")
        { List(), Show(), Save() };

    private static Command List()
    {
        var kind = new Option<string?>("--kind") { Description = "scorecard, ranking, review or bieu06" };
        var scope = new Option<string?>("--scope") { Description = "unit or province code (TNI.SYT, TNI)" };
        var period = new Option<string?>("--period") { Description = "period as archived (2026-10; 2021-2026 for a review)" };
        var format = FormatOption.Create();
        var command = new Command("list", "Every issue, newest first, revisions with the issue they replace") { kind, scope, period, format };
        CommandAction.Set(command, async (parse, ct) =>
        {
            var issues = await new IssuedReports(GlobalOptions.Settings(parse).Open())
                .ListAsync(parse.GetValue(kind), parse.GetValue(scope), parse.GetValue(period), ct);
            ResultFormatter.Write(ArchiveText.List(issues, parse.GetValue(format)!), parse.GetValue(format)!, Console.Out);
            return CommandAction.Ok;
        }, WarehouseUse.Reads);
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<long>("id") { Description = "report id (iw archive list)" };
        var command = new Command("show", "One issue: when, from which loads and rules, and what it changed") { id };
        CommandAction.Set(command, async (parse, ct) =>
        {
            Console.Write(ArchiveText.Detail(await new IssuedReports(GlobalOptions.Settings(parse).Open()).GetAsync(parse.GetValue(id), ct)));
            return CommandAction.Ok;
        }, WarehouseUse.Reads);
        return command;
    }

    private static Command Save()
    {
        var id = new Argument<long>("id") { Description = "report id (iw archive list)" };
        var output = new Option<string>("--out") { Description = "file to write", Required = true };
        var command = new Command("save", "Write the issue's file exactly as it was issued (checked against its archived hash)") { id, output };
        CommandAction.Set(command, async (parse, ct) =>
        {
            await new IssuedReports(GlobalOptions.Settings(parse).Open()).SaveAsync(parse.GetValue(id), parse.GetValue(output)!, ct);
            Console.WriteLine($"Đã ghi / written: {parse.GetValue(output)}");
            return CommandAction.Ok;
        }, WarehouseUse.Reads);
        return command;
    }
}
