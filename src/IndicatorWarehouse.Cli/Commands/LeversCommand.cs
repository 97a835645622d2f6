using System.CommandLine;
using IndicatorWarehouse.Application.Index766;
using IndicatorWarehouse.Application.Measures;
using IndicatorWarehouse.Application.Setup;

namespace IndicatorWarehouse.Cli.Commands;

internal static class LeversCommand
{
    public static Command Create()
    {
        var agency = new Option<string>("--agency") { Description = "unit code, e.g. TNI.SYT", Required = true };
        var period = new Option<string>("--period") { Description = "2026-10, 2026-Q3, 2026, R2026-10, …", Required = true };
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("levers",
            "Để tăng điểm Bộ chỉ số 766: cần thêm bao nhiêu cho mỗi chỉ số / what would raise a unit's 766 points, ranked by points per item")
            { agency, period, format };
        CommandAction.Set(command, async (parse, ct) =>
        {
            var database = GlobalOptions.Settings(parse).Open();
            var levers = await new UnitLevers(database, ReferenceFiles.Default()).ForAsync(parse.GetValue(agency)!, parse.GetValue(period)!, ct);
            if (parse.GetValue(format) == "json")
            {
                Index766ScoreJson.Write(levers.Select(l => l.Lever), Console.Out);
                return CommandAction.Ok;
            }
            // Levers of an open period rest on figures that are still moving: say so before the list.
            if (await new MeasuresQuery(database).ProvisionalMarkAsync(parse.GetValue(period)!, ct) is { } mark)
                Console.WriteLine($"Số liệu {mark} — kỳ chưa kết thúc.");
            foreach (var lever in levers) Console.WriteLine($"{lever.GroupName} · {lever.Sentence()}");
            if (levers.Count == 0) Console.WriteLine("(không có chỉ số nào còn tăng được bằng số đếm của chính nó)");
            return CommandAction.Ok;
        }, WarehouseUse.Reads);
        return command;
    }
}
