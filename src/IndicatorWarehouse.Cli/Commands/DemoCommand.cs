using System.CommandLine;
using System.Globalization;
using IndicatorWarehouse.Application.Demo;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Ingestion.Synthetic;

namespace IndicatorWarehouse.Cli.Commands;

internal static class DemoCommand
{
    public static Command Create()
    {
        var defaults = new DemoOptions();
        var output = new Option<string>("--out") { Description = "folder for the sources, the warehouse (warehouse.db, recreated) and the reports", DefaultValueFactory = _ => defaults.OutputDirectory };
        var perYear = new Option<int>("--dossiers-per-year") { Description = "dossiers per year for the whole province", DefaultValueFactory = _ => defaults.DossiersPerYear };
        var years = new Option<string>("--years") { Description = "years, e.g. 2021-2026", DefaultValueFactory = _ => $"{defaults.FirstYear}-{defaults.LastYear}" };
        var command = new Command("demo", "generate → init → ingest → build → scorecards of every Sở, the ranking, a review and quick reports")
            { output, perYear, years };
        CommandAction.Set(command, async (parse, ct) =>
        {
            // The demo recreates its warehouse from scratch: honouring --db would wipe the warehouse it names.
            if (parse.GetValue(GlobalOptions.Db) is { } db)
                throw new ArgumentException($"iw demo dựng kho riêng tại <--out>/warehouse.db và tạo lại mỗi lần, nên không nhận --db '{db}' " +
                    "/ the demo builds its own warehouse in <--out>/warehouse.db, recreated each time: drop --db and choose the folder with --out.");
            var (first, last) = SyntheticOptions.ParseYears(parse.GetValue(years)!);
            var options = defaults with
            {
                OutputDirectory = parse.GetValue(output)!, DossiersPerYear = parse.GetValue(perYear), FirstYear = first, LastYear = last,
            };
            var summary = await new DemoService(ReferenceFiles.Default()).RunAsync(options, new StepPrinter(), ct);
            Print(summary);
            return CommandAction.Ok;
        }, WarehouseUse.None);
        return command;
    }

    private static void Print(DemoSummary summary)
    {
        Console.WriteLine();
        Console.WriteLine($"Kho dữ liệu / warehouse: {Path.GetFullPath(summary.Warehouse)}");
        Console.WriteLine($"Phiếu điểm tháng {summary.Month} / scorecards ({summary.Scorecards.Count}):");
        foreach (var path in summary.Scorecards) Console.WriteLine("  " + Path.GetFullPath(path));
        Console.WriteLine($"Xếp hạng / ranking:      {Path.GetFullPath(summary.Ranking)}");
        Console.WriteLine($"Xu hướng / review:       {Path.GetFullPath(summary.Review)}");
        Console.WriteLine("Báo cáo nhanh / quick reports:");
        foreach (var path in summary.QuickReports) Console.WriteLine("  " + Path.GetFullPath(path));
        Console.WriteLine($"Tổng thời gian / total: {summary.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
    }

    /// <summary>Prints each step as it ends, on the caller's thread (Progress&lt;T&gt; would post it to the pool, out of order).</summary>
    private sealed class StepPrinter : IProgress<DemoStep>
    {
        public void Report(DemoStep s) =>
            Console.WriteLine($"{s.Name,-14} {s.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture),6} s  {s.Detail}");
    }
}
