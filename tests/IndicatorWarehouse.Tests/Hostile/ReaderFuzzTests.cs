using System.Diagnostics;
using System.Text;
using Dapper;
using IndicatorWarehouse.Application.Ingest;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Ingestion;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Tests.Support;

namespace IndicatorWarehouse.Tests.Hostile;

/// <summary>Issue 17: random bytes, random CSV shapes and random XLSX parts fed to the readers for a bounded time, from a
/// fixed seed (a failure names its case, and the same seed replays it). Every file is either read row by row or refused
/// cleanly (<see cref="SourceRejectedException"/>); the managed heap stays bounded; and a refused file loaded into a
/// real SQLite warehouse leaves nothing of itself.</summary>
public sealed class ReaderFuzzTests
{
    private const int Seed = 17;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(15);
    private const long HeapBound = 512L << 20;
    private static readonly string[] Columns = OnestopFile.Header.Split(',');
    private static readonly string[] Cells =
    [
        "", "\"", "\"\"", "a,b", "x\ny", "\r", "=HYPERLINK(\"x\")", "-5", "1e308", "NaN", "31/02/2026", "2026-10-01T08:00:00",
        "TNI.SYT", "../../x", "{\"a\":1}", "[1]", "Sở Y tế", "\u0000", "\uFEFF", "😀", new string('x', 40_000), ";", "\t",
    ];

    [Fact]
    public async Task Fuzz_RandomBytesCsvShapesAndXlsxParts_ReadOrRefusedCleanly_HeapBounded_NothingHalfLoaded()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var ingest = new IngestService(w.Database, ReferenceFiles.Default());
        var random = new Random(Seed);
        var clock = Stopwatch.StartNew();
        var (cases, refused, loaded) = (0, 0, 0);
        while (clock.Elapsed < Budget)
        {
            var (name, write) = (cases % 3) switch
            {
                0 => RandomBytes(random),
                1 => RandomCsv(random),
                _ => RandomXlsx(random),
            };
            var path = Path.Combine(w.Directory, $"case-{cases}{name}");
            write(path);
            var label = $"seed {Seed}, case {cases} ({name})";
            try
            {
                foreach (var _ in SourceFileReader.ReadDossiers(path, null, new DateTime(2026, 11, 20, 17, 0, 0))) { }
            }
            catch (SourceRejectedException)
            {
                refused++;
            }
            catch (Exception e)
            {
                Assert.Fail($"{label}: {e.GetType().Name}: {e.Message}");
            }
            Assert.True(GC.GetTotalMemory(forceFullCollection: false) < HeapBound, $"{label}: heap {GC.GetTotalMemory(false) >> 20} MB");
            if (cases % 5 == 0) loaded += await LoadWholeOrNotAtAllAsync(w, ingest, path, label);
            File.Delete(path);
            cases++;
        }
        Assert.True(cases >= 30, $"only {cases} cases in {Budget}");
        Assert.True(refused > 0 && loaded > 0, $"{cases} cases, {refused} refused, {loaded} loaded: the generator should make both");
    }

    /// <summary>Loads the file into the warehouse: a refusal leaves the facts, snapshots and quarantine as they were.</summary>
    private static async Task<int> LoadWholeOrNotAtAllAsync(TempWarehouse w, IngestService ingest, string path, string label)
    {
        const string Counts = "SELECT (SELECT COUNT(*) FROM fact_dossier) || '/' || (SELECT COUNT(*) FROM etl_snapshot) || '/' || (SELECT COUNT(*) FROM etl_quarantine)";
        await using var c = await w.OpenAsync();
        var before = await c.ExecuteScalarAsync<string>(Counts);
        try
        {
            await ingest.IngestFileAsync(SourceKind.Onestop, path, new DateTime(2026, 11, 20, 17, 0, 0));
            return 1;
        }
        catch (SourceRejectedException)
        {
            Assert.True(before == await c.ExecuteScalarAsync<string>(Counts), $"{label}: a refused file changed the warehouse");
            return 0;
        }
    }

    private static (string, Action<string>) RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 4096)];
        random.NextBytes(bytes);
        string[] extensions = [".csv", ".json", ".xlsx"];
        return (extensions[random.Next(3)], p => File.WriteAllBytes(p, bytes));
    }

    private static (string, Action<string>) RandomCsv(Random random)
    {
        var header = Columns.Where(_ => random.Next(10) > 0).OrderBy(_ => random.Next(4)).ToList();
        var text = new StringBuilder(string.Join(random.Next(8) == 0 ? ";" : ",", header)).Append('\n');
        for (var r = random.Next(0, 40); r > 0; r--)
        {
            if (random.Next(3) == 0) text.Append(OnestopFile.Row(random.Next(1000)));
            else text.AppendJoin(',', Enumerable.Range(0, header.Count + random.Next(-1, 2)).Select(_ => Cell(random)));
            text.Append(random.Next(4) == 0 ? "\r\n" : "\n");
        }
        var content = text.ToString();
        return (".csv", p => File.WriteAllText(p, content, new UTF8Encoding(random.Next(2) == 0)));
    }

    private static string Cell(Random random)
    {
        var cell = Cells[random.Next(Cells.Length)];
        return random.Next(3) == 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
    }

    private static (string, Action<string>) RandomXlsx(Random random)
    {
        var rows = new List<string[]> { Columns };
        for (var r = random.Next(0, 20); r > 0; r--)
            rows.Add(random.Next(2) == 0 ? OnestopFile.Row(random.Next(1000)).Split(',') : Columns.Select(_ => Cells[random.Next(Cells.Length)].Replace("\u0000", "")).ToArray());
        var damage = random.Next(4);
        Action<TextWriter> sheet = damage switch
        {
            0 => t => t.Write(XlsxPackage.SheetStart + "<row><c t=\"s\"><v>99</v></c>"),   // cut off, a shared string that does not exist
            1 => t => t.Write(XlsxPackage.SheetStart + "<row r=\"1\"><c r=\"A1\"><f>1/0</f></c><c r=\"B1\" t=\"e\"><v>#DIV/0!</v></c></row>" + XlsxPackage.SheetEnd),
            _ => XlsxPackage.Rows(rows),
        };
        return (".xlsx", p => XlsxPackage.Write(p, sheet, XlsxPackage.NoStrings));
    }
}
