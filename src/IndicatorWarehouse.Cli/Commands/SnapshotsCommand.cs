using System.CommandLine;
using IndicatorWarehouse.Application.Analysis;
using IndicatorWarehouse.Application.Operations;

namespace IndicatorWarehouse.Cli.Commands;

/// <summary><c>iw snapshots list|show|revert</c>: the loads in the warehouse, and undoing a bad one.</summary>
internal static class SnapshotsCommand
{
    public static Command Create() => new("snapshots", "Các lô đã nạp; hoàn tác một lô nạp sai / loaded snapshots; revert a bad load")
        { List(), Show(), Revert() };

    private static Command List()
    {
        var source = new Option<string?>("--source") { Description = "onestop, pakn, digitization, targets or figures" };
        var format = FormatOption.Create();
        var command = new Command("list", "Every snapshot, newest first, with its row counts and whether it was reverted") { source, format };
        CommandAction.Set(command, async (parse, ct) =>
        {
            var snapshots = await new SnapshotService(GlobalOptions.Settings(parse).Open()).ListAsync(parse.GetValue(source), ct);
            ResultFormatter.Write(SnapshotText.List(snapshots, parse.GetValue(format)!), parse.GetValue(format)!, Console.Out);
            return CommandAction.Ok;
        }, WarehouseUse.Reads);
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<long>("id") { Description = "snapshot id (iw snapshots list)" };
        var command = new Command("show", "One snapshot: what it loaded, its quarantine, and what reverting it would do") { id };
        CommandAction.Set(command, async (parse, ct) =>
        {
            var (snapshot, impact) = await new SnapshotService(GlobalOptions.Settings(parse).Open()).ShowAsync(parse.GetValue(id), ct);
            Console.Write(SnapshotText.Detail(snapshot, impact));
            return CommandAction.Ok;
        }, WarehouseUse.Reads);
        return command;
    }

    private static Command Revert()
    {
        var id = new Argument<long>("id") { Description = "snapshot id (iw snapshots list)" };
        var cascade = new Option<bool>("--cascade")
            { Description = "also revert, latest first, the later snapshots that changed the same records (refused without it)" };
        var command = new Command("revert", "Put every record the snapshot changed back as it was, remove what it added, queue the periods for `iw build`")
            { id, cascade };
        CommandAction.Set(command, async (parse, ct) =>
        {
            var reverted = await new SnapshotService(GlobalOptions.Settings(parse).Open()).RevertAsync(parse.GetValue(id), parse.GetValue(cascade), ct);
            Console.Write(SnapshotText.Reverted(reverted));
            return CommandAction.Ok;
        });
        return command;
    }
}
