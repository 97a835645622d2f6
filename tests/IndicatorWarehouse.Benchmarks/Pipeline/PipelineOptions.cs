using System.Globalization;

namespace IndicatorWarehouse.Benchmarks.Pipeline;

/// <summary>`pipeline --dossiers N [--work DIR] [--scorecards N] [--keep]`.</summary>
internal sealed record PipelineOptions(long Dossiers, string Work, int Scorecards, bool Keep)
{
    public static PipelineOptions Parse(string[] args)
    {
        var options = new PipelineOptions(1_000_000, Path.Combine(Path.GetTempPath(), "iw-bench"), 40, false);
        for (var i = 0; i < args.Length; i++)
            options = args[i] switch
            {
                "--dossiers" => options with { Dossiers = long.Parse(Value(args, ++i), NumberStyles.AllowThousands, CultureInfo.InvariantCulture) },
                "--work" => options with { Work = Path.GetFullPath(Value(args, ++i)) },
                "--scorecards" => options with { Scorecards = int.Parse(Value(args, ++i), CultureInfo.InvariantCulture) },
                "--keep" => options with { Keep = true },
                var other => throw new ArgumentException(
                    $"Unknown option '{other}'. Usage: pipeline [--dossiers 1000000] [--work DIR] [--scorecards 40 (0: skip)] [--keep]"),
            };
        return options;
    }

    private static string Value(string[] args, int i) =>
        i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");
}
