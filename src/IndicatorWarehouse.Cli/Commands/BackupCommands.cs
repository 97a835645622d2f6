using System.CommandLine;
using System.Globalization;
using IndicatorWarehouse.Application.Operations;

namespace IndicatorWarehouse.Cli.Commands;

/// <summary><c>iw backup --out FILE</c> and <c>iw restore FILE</c> for the embedded (SQLite) warehouse.</summary>
internal static class BackupCommands
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static Command Backup()
    {
        var output = new Option<string>("--out") { Description = "the backup file to write", Required = true };
        var command = new Command("backup", "Copy the warehouse to one file while loads may go on (SQLite); SQL Server: see sql/sqlserver/README.md")
            { output };
        CommandAction.Set(command, async (parse, ct) =>
        {
            var copy = await new BackupService(GlobalOptions.Settings(parse).Open()).BackupAsync(parse.GetValue(output)!, ct);
            Console.WriteLine($"Đã sao lưu vào {copy.File}: {Megabytes(copy.Bytes)} MB, {copy.Snapshots.ToString("N0", Vi)} lô / backup written.");
            return CommandAction.Ok;
        }, WarehouseUse.Reads);
        return command;
    }

    public static Command Restore()
    {
        var file = new Argument<string>("file") { Description = "a file written by `iw backup`" };
        var command = new Command("restore", "Check a backup (integrity, schema) and put it in the warehouse's place in one step; refused while the warehouse is in use")
            { file };
        CommandAction.Set(command, async (parse, ct) =>
        {
            var restored = await new BackupService(GlobalOptions.Settings(parse).Open()).RestoreAsync(parse.GetValue(file)!, ct);
            if (restored.FoldedWalBytes > 0)
                Console.WriteLine($"Bản sao lưu có tệp -wal ({(restored.FoldedWalBytes / 1024.0).ToString("N0", Vi)} KB dữ liệu đã ghi): đã gộp vào kho " +
                                  "/ the backup's -wal file held committed data: folded in.");
            Console.WriteLine($"Đã khôi phục {restored.Warehouse}: {Megabytes(restored.Bytes)} MB, {restored.Snapshots.ToString("N0", Vi)} lô / warehouse restored.");
            if (restored.PendingMigrations.Count > 0)
                Console.WriteLine($"Bản sao lưu cũ hơn phiên bản này ({string.Join(", ", restored.PendingMigrations)}): chạy `iw init` để cập nhật lược đồ.");
            return CommandAction.Ok;
        }, WarehouseUse.None);
        return command;
    }

    private static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("N1", Vi);
}
