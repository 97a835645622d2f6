using System.Globalization;
using System.Text.RegularExpressions;
using IndicatorWarehouse.Ingestion.Records;

namespace IndicatorWarehouse.Benchmarks.Pipeline;

/// <summary>`pipeline`: generate a province with the real generator, load every source with the real <c>iw</c>
/// and build every measure, each step timed under <c>/usr/bin/time -v</c> next to its baseline in the same run
/// (<c>sqlite3 .import</c> of the same CSV; the build's own SQL in <c>sqlite3</c>; a blank page through the same
/// warm PDF renderer), then print a markdown table and save it as results.md in the work folder.</summary>
internal static partial class PipelineRun
{
    private const string AsOfFormat = "yyyy-MM-dd'T'HH:mm:ss";
    private static readonly SourceKind[] Sources = [SourceKind.Onestop, SourceKind.Digitization, SourceKind.Pakn];
    private static readonly Dictionary<string, string> Trace = new() { ["IW_TRACE"] = "1" };

    public static async Task<int> MainAsync(string[] args)
    {
        var options = PipelineOptions.Parse(args);
        var run = Path.Combine(options.Work, $"run-{DateTime.Now:yyyyMMdd-HHmmss}");
        Directory.CreateDirectory(run);
        var loadBefore = LoadAverage();
        try
        {
            var rows = new List<ResultRow>();
            var notes = new List<(string, string)>();

            Say($"generating {options.Dossiers:N0} dossiers in {run}");
            var files = SourceFiles.Generate(run, options.Dossiers);
            var generated = files.Files.Values.Sum(f => f.Rows);
            notes.Add(("generation", $"{generated:N0} rows in {files.Generation.TotalSeconds:N1} s " +
                $"({ResultTable.PerSecond(generated, files.Generation.TotalSeconds)}); " +
                string.Join(", ", files.Files.Select(f => $"{f.Key.Code()}.csv {f.Value.Rows:N0} rows, {new FileInfo(f.Value.Path).Length / 1e6:N0} MB"))));

            var db = Path.Combine(run, "warehouse.db");
            await Iw("init", "--db", db);
            foreach (var source in Sources)
            {
                var (path, count) = files.Files[source];
                Say($"{source.Code()}: sqlite3 .import, then iw ingest");
                var bare = Path.Combine(run, $"bare-{source.Code()}.db");
                var baseline = await TimedCommand.RunAsync("sqlite3", [bare, ".mode csv", $".import {path} bare"]);
                File.Delete(bare);
                var ours = await Iw("ingest", source.Code(), path, "--as-of", files.AsOf.ToString(AsOfFormat, CultureInfo.InvariantCulture), "--db", db);
                notes.Add(($"iw ingest {source.Code()} (IW_TRACE=1)", ours.Stdout + ours.Stderr));
                var rate = count / ours.Seconds;
                var ratio = ours.Seconds / baseline.Seconds;
                var isOnestop = source == SourceKind.Onestop;
                rows.Add(new ResultRow($"ingest {source.Code()} ({count:N0} rows)", ours, ResultTable.PerSecond(count, ours.Seconds),
                    "`sqlite3 .import` of the same CSV", baseline, ResultTable.PerSecond(count, baseline.Seconds), ratio,
                    isOnestop ? "≥ 150k rows/s, ≤ 1.5× .import" : "—", isOnestop ? rate >= 150_000 && ratio <= 1.5 : null));
            }

            Say("iw build --all, then the same SQL in sqlite3");
            var build = await Iw("build", "--all", "--db", db);
            notes.Add(("iw build --all (IW_TRACE=1)", build.Stdout + build.Stderr));
            var range = BuildRange().Match(build.Stdout);
            if (!range.Success) throw new InvalidOperationException($"Unexpected build output: {build.Stdout}");
            var ruleSet = await TimedCommand.RunAsync("sqlite3", [db, "SELECT MAX(rule_set_id) FROM etl_rule_set;"]);
            var script = Path.Combine(run, "build-baseline.sql");
            await File.WriteAllTextAsync(script, BuildBaseline.Script(Day(range.Groups[1].Value), Day(range.Groups[2].Value),
                long.Parse(ruleSet.Stdout.Trim(), CultureInfo.InvariantCulture),
                files.Files[SourceKind.Pakn].Rows > 0, files.Files[SourceKind.Digitization].Rows > 0));
            var sqlBuild = await TimedCommand.RunAsync("sqlite3", [db], stdinFile: script);
            rows.Add(new ResultRow("build --all (8 grains, 766, status)", build, "—", "the build's SQL (profile + every grain) in `sqlite3`",
                sqlBuild, "—", build.Seconds / sqlBuild.Seconds, "≤ 60 s at 10M dossiers",
                options.Dossiers >= 10_000_000 ? build.Seconds <= 60 : null));

            if (options.Scorecards > 0)
            {
                Say($"scorecards: {options.Scorecards} documents through a warm renderer");
                var cards = await TimedCommand.RunAsync("dotnet",
                    [typeof(PipelineRun).Assembly.Location, "scorecards", "--count", options.Scorecards.ToString(CultureInfo.InvariantCulture)]);
                notes.Add(("scorecards", cards.Stdout));
                var result = ScorecardResult().Match(cards.Stdout);
                if (!result.Success) throw new InvalidOperationException($"Unexpected scorecards output: {cards.Stdout}");
                var (perSecond, blankPerSecond) = (Number(result.Groups[1].Value), Number(result.Groups[2].Value));
                rows.Add(new ResultRow($"scorecards ({options.Scorecards} PDFs; stand-in: gallery page)", cards, $"{perSecond:N1}/s",
                    "a blank A4 page through the same warm renderer", null, $"{blankPerSecond:N1}/s", blankPerSecond / perSecond,
                    "≥ 7/s", perSecond >= 7));
            }

            var machine = $"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {SqliteVersion()}; " +
                          $"load average before {loadBefore}, after {LoadAverage()} (other work on the machine counts against both sides alike). " +
                          "Ratio = our time ÷ baseline time (for scorecards: baseline rate ÷ our rate); peak RSS = GNU time's maximum resident set size.";
            var markdown = ResultTable.Markdown(options, rows, notes, machine);
            await File.WriteAllTextAsync(Path.Combine(options.Work, "results.md"), markdown);
            Console.WriteLine(markdown);
            return 0;
        }
        finally
        {
            if (!options.Keep) Directory.Delete(run, recursive: true);
        }
    }

    private static Task<Measured> Iw(params string[] args) =>
        TimedCommand.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "iw.dll"), .. args], Trace);

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "?";

    private static string SqliteVersion()
    {
        using var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sqlite3", "--version") { RedirectStandardOutput = true })!;
        var version = p.StandardOutput.ReadToEnd().Split(' ')[0];
        p.WaitForExit();
        return $"sqlite3 shell {version}";
    }

    private static void Say(string text) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {text}");

    [GeneratedRegex(@"from (\d\d/\d\d/\d{4}) to (\d\d/\d\d/\d{4})")]
    private static partial Regex BuildRange();

    [GeneratedRegex(@"RESULT scorecards_per_s=([\d.]+) blank_per_s=([\d.]+)")]
    private static partial Regex ScorecardResult();
}
