using System.Globalization;
using CsvHelper;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Ingestion.Synthetic;

namespace IndicatorWarehouse.Tests.Ingestion.Synthetic;

/// <summary>Synthetic files generated once into a temporary folder, from the shipped reference data, and
/// read back as plain CSV (header + rows of text), the way an ingesting tool would see them.</summary>
public sealed class GeneratedSources : IDisposable
{
    public const int DossiersPerYear = 10_000;

    public GeneratedSources() : this(new SyntheticOptions { Seed = 7, DossiersPerYear = DossiersPerYear }) { }

    /// <summary>Files generated with other options, for tests that need their own.</summary>
    public static GeneratedSources With(SyntheticOptions options) => new(options);

    private GeneratedSources(SyntheticOptions options)
    {
        Options = options;
        Summary = Generate(Directory, options);
    }

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "iw-gen-" + Guid.NewGuid().ToString("N")[..12]);
    public SyntheticOptions Options { get; }
    public GenerationSummary Summary { get; }

    public CsvTable Onestop => _onestop ??= CsvTable.ReadAll(Directory, "onestop_*.csv");
    public CsvTable Pakn => _pakn ??= CsvTable.ReadAll(Directory, "pakn_*.csv");
    public CsvTable Digitization => _digitization ??= CsvTable.ReadAll(Directory, "digitization_*.csv");
    private CsvTable? _onestop, _pakn, _digitization;

    public static GenerationSummary Generate(string directory, SyntheticOptions options)
    {
        var reference = ReferenceFiles.Default();
        return new SyntheticSourceGenerator(reference.Agencies(), reference.Lineage(), reference.Holidays()).Generate(directory, options);
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Rows of one or more CSV files with the same header, fields as text.</summary>
public sealed class CsvTable(IReadOnlyList<string> header, IReadOnlyList<string[]> rows)
{
    public IReadOnlyList<string> Header => header;
    public IReadOnlyList<string[]> Rows => rows;

    public int Column(string name) => header.ToList().IndexOf(name) is var i and >= 0 ? i : throw new KeyNotFoundException(name);

    public IEnumerable<string> Values(string column)
    {
        var i = Column(column);
        return rows.Select(r => r[i]);
    }

    public static CsvTable ReadAll(string directory, string pattern)
    {
        string[]? header = null;
        var rows = new List<string[]>();
        foreach (var file in System.IO.Directory.GetFiles(directory, pattern).Order())
        {
            var table = Read(file);
            header ??= [.. table.Header];
            Assert.Equal(header, table.Header);
            rows.AddRange(table.Rows);
        }
        return new CsvTable(header ?? [], rows);
    }

    public static CsvTable Read(string file)
    {
        using var parser = new CsvParser(File.OpenText(file), CultureInfo.InvariantCulture);
        parser.Read();
        var header = parser.Record!;
        var rows = new List<string[]>();
        while (parser.Read())
        {
            Assert.Equal(header.Length, parser.Record!.Length);
            rows.Add(parser.Record);
        }
        return new CsvTable(header, rows);
    }

    public static DateTime Date(string text) => DateTime.ParseExact(text, "yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
}
