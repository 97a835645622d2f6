using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Ingestion.Synthetic;

namespace IndicatorWarehouse.Cli.Commands;

internal static class GenerateCommand
{
    public static Command Create()
    {
        var defaults = new SyntheticOptions();
        var output = new Option<string>("--out") { Description = "output folder", Required = true };
        var seed = new Option<int>("--seed") { Description = "random seed (same seed and options ⇒ identical files)", DefaultValueFactory = _ => defaults.Seed };
        var years = new Option<string>("--years") { Description = "years, e.g. 2021-2026 or 2025", DefaultValueFactory = _ => $"{defaults.FirstYear}-{defaults.LastYear}" };
        var perYear = new Option<int>("--dossiers-per-year") { Description = "dossiers per year for the whole province", DefaultValueFactory = _ => defaults.DossiersPerYear };
        var asOf = new Option<DateTime?>("--as-of")
        {
            Description = "snapshot moment (default: end of the years or "
                          + $"{SyntheticOptions.DefaultAsOf.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)}, whichever is earlier)",
        };
        var command = new Command("generate", "Realistic synthetic source files (onestop, pakn, digitization) for Tây Ninh")
            { output, seed, years, perYear, asOf };
        CommandAction.Set(command, (parse, ct) =>
        {
            var (first, last) = SyntheticOptions.ParseYears(parse.GetValue(years)!);
            var options = new SyntheticOptions
            {
                Seed = parse.GetValue(seed), FirstYear = first, LastYear = last,
                DossiersPerYear = parse.GetValue(perYear), AsOf = parse.GetValue(asOf),
            };
            var reference = ReferenceFiles.Default();
            var clock = Stopwatch.StartNew();
            var summary = new SyntheticSourceGenerator(reference.Agencies(), reference.Lineage(), reference.Holidays())
                .Generate(parse.GetValue(output)!, options, ct);
            Print(summary, clock.Elapsed);
            return Task.FromResult(CommandAction.Ok);
        }, WarehouseUse.None);
        return command;
    }

    private static void Print(GenerationSummary summary, TimeSpan elapsed)
    {
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        foreach (var file in summary.Files)
            Console.WriteLine($"{Path.GetFileName(file.Path),-24} {file.Rows.ToString("N0", vi),12} dòng / rows");
        var total = summary.Files.Sum(f => f.Rows);
        Console.WriteLine($"Tổng / total: {total.ToString("N0", vi)} dòng trong {elapsed.TotalSeconds.ToString("N1", vi)} giây "
                          + $"({(total / Math.Max(elapsed.TotalSeconds, 0.001)).ToString("N0", vi)} dòng/giây).");
        Console.WriteLine($"Thời điểm dữ liệu / as-of: {summary.AsOf.ToString("dd/MM/yyyy HH:mm", vi)} — nạp với / ingest with "
                          + $"--as-of {summary.AsOf.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)}");
    }
}
