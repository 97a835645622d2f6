using System.CommandLine;
using IndicatorWarehouse.Application.DrillDown;
using IndicatorWarehouse.Application.Exports;
using IndicatorWarehouse.Application.Setup;

namespace IndicatorWarehouse.Cli.Commands;

internal static class DrillDownCommand
{
    public static Command Create()
    {
        var agency = new Option<string>("--agency") { Description = "unit code, e.g. TNI.SYT", Required = true };
        var period = new Option<string>("--period") { Description = "2026-10, 2026-Q3, R2026-10, …", Required = true };
        var indicator = new Option<string>("--indicator") { Description = "indicator code, e.g. processed_late, on_time_rate_766", Required = true };
        var output = new Option<string?>("--out") { Description = "write to FILE.xlsx or FILE.csv instead of printing" };
        var command = new Command("drilldown", "The dossiers (or PAKN) behind one figure, each with why it counts as it does")
            { agency, period, indicator, output };
        CommandAction.Set(command, async (parse, ct) =>
        {
            var drill = await new DrillDownService(GlobalOptions.Settings(parse).Open(), ReferenceFiles.Default())
                .ForAsync(parse.GetValue(agency)!, parse.GetValue(period)!, parse.GetValue(indicator)!, ct);
            switch (parse.GetValue(output))
            {
                case { } path when path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase):
                    await using (var file = File.Create(path)) DrillDownFiles.WriteXlsx(drill, file);
                    Console.WriteLine(path);
                    break;
                case { } path:
                    await using (var writer = new StreamWriter(path, false, SafeCsv.Utf8WithBom)) DrillDownFiles.WriteCsv(drill, writer);
                    Console.WriteLine(path);
                    break;
                default:
                    Console.WriteLine($"{drill.Indicator.NameVi} — {drill.AgencyName} — {drill.Period.Code}: {DrillDownFiles.Summary(drill)}");
                    foreach (var r in drill.Rows)
                        Console.WriteLine($"{(r.InNumerator ? "✔" : "·")} {r.Code,-28} {r.ReceivedAt:dd/MM/yyyy}  {r.Reason}");
                    break;
            }
            return CommandAction.Ok;
        }, WarehouseUse.Reads);
        return command;
    }
}
