using System.Runtime.ExceptionServices;
using IndicatorWarehouse.Domain.Agencies;
using IndicatorWarehouse.Domain.Calendar;
using IndicatorWarehouse.Ingestion.Records;

namespace IndicatorWarehouse.Ingestion.Synthetic;

/// <summary>One file written by the generator.</summary>
public sealed record GeneratedFile(string Path, SourceKind Source, int Year, long Rows);

/// <summary>What the generator wrote, and the as-of moment to load it with.</summary>
public sealed record GenerationSummary(DateTime AsOf, IReadOnlyList<GeneratedFile> Files);

/// <summary>`iw generate`: synthetic one-stop, PAKN and digitization files in canonical form for the merged
/// province of Tây Ninh (with Long An before 1/7/2025), one file per source and year. Rows stream out day by
/// day, so memory stays flat however many dossiers are asked for; each year has its own random stream, so
/// years can be written in parallel and the files stay byte-identical for a seed.</summary>
public sealed class SyntheticSourceGenerator(IReadOnlyList<Agency> agencies, AgencyLineage lineage, HolidayCalendar calendar)
{
    private const int DossierStream = 1, PaknStream = 2;
    private readonly ProcedureCatalog _catalog = new();

    public GenerationSummary Generate(string outputDirectory, SyntheticOptions options, CancellationToken ct = default)
    {
        options.Validate();
        Directory.CreateDirectory(outputDirectory);
        var asOf = options.EffectiveAsOf;
        var years = Enumerable.Range(options.FirstYear, options.LastYear - options.FirstYear + 1).Where(y => y <= asOf.Year).ToList();
        var files = new GeneratedFile[years.Count][];
        try
        {
            Parallel.For(0, years.Count, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount },
                i => files[i] = GenerateYear(outputDirectory, years[i], options, asOf, ct));
        }
        catch (AggregateException e)
        {
            // Callers handle the failure itself (disk full, folder not writable), not the parallel wrapper.
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        return new GenerationSummary(asOf, files.SelectMany(f => f).ToList());
    }

    private GeneratedFile[] GenerateYear(string directory, int year, SyntheticOptions options, DateTime asOf, CancellationToken ct)
    {
        // Each year gets its own allocator and generators: their caches are not shared between threads.
        var allocator = new UnitAllocator(agencies, lineage, _catalog);
        var dossiers = new DossierGenerator(allocator, calendar, asOf);
        var feedback = new PaknGenerator(allocator, calendar, asOf);
        var dossierRandom = new Random(RandomExtensions.DeriveSeed(options.Seed, year, DossierStream));
        var paknRandom = new Random(RandomExtensions.DeriveSeed(options.Seed, year, PaknStream));
        var asOfDay = DateOnly.FromDateTime(asOf);

        var paths = (Onestop: PathOf(directory, "onestop", year), Pakn: PathOf(directory, "pakn", year), Digitization: PathOf(directory, "digitization", year));
        using var onestop = new OnestopCsvWriter(CanonicalCsv.OpenFile(paths.Onestop));
        using var pakn = new PaknCsvWriter(CanonicalCsv.OpenFile(paths.Pakn));
        using var digitization = new DigitizationCsvWriter(CanonicalCsv.OpenFile(paths.Digitization));
        foreach (var (day, count) in new Seasonality(calendar).DailyCounts(year, options.DossiersPerYear))
        {
            if (day > asOfDay) break;
            ct.ThrowIfCancellationRequested();
            foreach (var (dossier, record) in dossiers.Day(day, count, dossierRandom))
            {
                onestop.Write(dossier);
                if (record is not null) digitization.Write(record);
            }
            foreach (var row in feedback.Day(day, paknRandom)) pakn.Write(row);
        }
        return
        [
            new(paths.Onestop, SourceKind.Onestop, year, onestop.Rows),
            new(paths.Pakn, SourceKind.Pakn, year, pakn.Rows),
            new(paths.Digitization, SourceKind.Digitization, year, digitization.Rows),
        ];
    }

    private static string PathOf(string directory, string source, int year) => Path.Combine(directory, $"{source}_{year}.csv");
}
