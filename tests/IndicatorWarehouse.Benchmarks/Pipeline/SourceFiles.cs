using System.Diagnostics;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Ingestion.Synthetic;

namespace IndicatorWarehouse.Benchmarks.Pipeline;

/// <summary>The generated province as one CSV per source (the generator writes one per source and year; a
/// benchmark loads each source as one file, the way <c>.import</c> reads it).</summary>
internal sealed record SourceFiles(IReadOnlyDictionary<SourceKind, (string Path, long Rows)> Files, TimeSpan Generation, DateTime AsOf)
{
    // Six whole years that have ended: `iw ingest` refuses an as-of after now.
    public const int FirstYear = 2020, LastYear = 2025;

    /// <summary>About <paramref name="dossiers"/> dossiers spread evenly over six whole years (as-of the last
    /// second of 2025, so every year is complete), with the PAKN and digitization records that go with them.</summary>
    public static SourceFiles Generate(string folder, long dossiers)
    {
        var reference = ReferenceFiles.Default();
        var years = LastYear - FirstYear + 1;
        var options = new SyntheticOptions
        {
            FirstYear = FirstYear, LastYear = LastYear, AsOf = new DateTime(LastYear, 12, 31, 23, 59, 59),
            DossiersPerYear = checked((int)((dossiers + years - 1) / years)),
        };
        var perYear = Path.Combine(folder, "by-year");
        var clock = Stopwatch.StartNew();
        var summary = new SyntheticSourceGenerator(reference.Agencies(), reference.Lineage(), reference.Holidays()).Generate(perYear, options);
        var generation = clock.Elapsed;

        var merged = summary.Files.GroupBy(f => f.Source).ToDictionary(g => g.Key, g =>
        {
            var path = Path.Combine(folder, $"{g.Key.Code()}.csv");
            Concatenate(g.OrderBy(f => f.Year).Select(f => f.Path).ToList(), path);
            return (path, g.Sum(f => f.Rows));
        });
        Directory.Delete(perYear, recursive: true);
        return new SourceFiles(merged, generation, summary.AsOf);
    }

    /// <summary>Joins CSV files that share a header: the first file whole, the others without their first line.</summary>
    private static void Concatenate(IReadOnlyList<string> parts, string target)
    {
        using var output = File.Create(target);
        for (var i = 0; i < parts.Count; i++)
        {
            using var input = File.OpenRead(parts[i]);
            if (i > 0) SkipLine(input);
            input.CopyTo(output);
        }
    }

    private static void SkipLine(Stream input)
    {
        int b;
        while ((b = input.ReadByte()) is not -1 and not '\n') { }
    }
}
