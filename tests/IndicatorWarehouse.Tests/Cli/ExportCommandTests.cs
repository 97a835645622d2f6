using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using IndicatorWarehouse.Tests.Support;
using static IndicatorWarehouse.Tests.Support.Rows;

namespace IndicatorWarehouse.Tests.Cli;

public sealed class ExportCommandTests
{
    [Fact]
    public async Task ExportBieu06_BothFormats_WritesTheWorkbookAndTheCsvAndPrintsTheirPaths()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        await new MeasureProbe(w).DossiersAsync(
            Dossier("a", "2026-07-02T08:00:00", due: "2026-07-10T17:00:00", finished: "2026-07-08T10:00:00"),
            Dossier("b", "2026-08-03T08:00:00", due: "2026-08-05T17:00:00", status: 4, channel: 1));
        var output = Path.Combine(w.Directory, "out");

        var run = await IwProcess.RunAsync("export", "bieu06", "--period", "2026-Q3", "--agency", "TNI.SYT", "--format", "both",
            "--out", output, "--db", w.DbPath);

        Assert.Equal(0, run.ExitCode);
        string[] expected = [Path.Combine(output, "bieu06_TNI.SYT_2026-Q3.xlsx"), Path.Combine(output, "bieu06_TNI.SYT_2026-Q3.csv")];
        Assert.Equal(expected, run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        using (var document = SpreadsheetDocument.Open(expected[0], isEditable: false))
        {
            var strings = document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList();
            var totalRow = document.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<Row>().Last();
            var cells = totalRow.Elements<Cell>().ToList();
            Assert.Equal("Tổng cộng", strings[int.Parse(cells[1].CellValue!.Text)]);
            // received 2 (1 online, 1 in person), processed 1 early, pending 1 overdue since 06/08
            Assert.Equal(["2", "1", "1", "0", "1", "1", "0", "0", "1", "0", "1"], cells.Skip(2).Select(c => c.CellValue!.Text));
        }
        var csv = await System.IO.File.ReadAllBytesAsync(expected[1]);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        Assert.StartsWith("Kỳ báo cáo,STT,", Encoding.UTF8.GetString(csv[3..]));
    }

    /// <summary>A report said the export crashed for a unit with no dossiers in the period: the query's empty result was
    /// mapped by column types SQLite cannot give without a row. The form comes out with its total row at zero.</summary>
    [Theory]
    [InlineData("TNI.SNV")]     // a unit of the reference list that has no dossier at all
    [InlineData("TNI.SYT")]     // a unit with dossiers, none in the period
    [InlineData("TNI.PAKNMOI")] // an inferred unit that only PAKN named
    public async Task ExportBieu06_UnitWithoutDossiersInThePeriod_WritesAFormOfZeros(string agency)
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var probe = new MeasureProbe(w);
        await probe.DossiersAsync(Dossier("a", "2026-07-02T08:00:00", due: "2026-07-10T17:00:00", finished: "2026-07-08T10:00:00"));
        await probe.PaknAsync(Pakn("p1", "2026-10-02T08:00:00", agency: "TNI.PAKNMOI"), Pakn("p2", "2026-10-03T08:00:00", agency: "TNI.SNV"));
        var output = Path.Combine(w.Directory, "out");

        var run = await IwProcess.RunAsync("export", "bieu06", "--period", "2026-10", "--agency", agency, "--format", "csv",
            "--out", output, "--db", w.DbPath);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var lines = await System.IO.File.ReadAllLinesAsync(Path.Combine(output, $"bieu06_{agency}_2026-10.csv"));
        var total = lines.Single(l => l.Contains("Tổng cộng", StringComparison.Ordinal)).Split(',');
        Assert.Equal(Enumerable.Repeat("0", 11), total[^12..^1]); // the eleven counts, then the figures' status
    }

    [Theory]
    [InlineData("2026-Q3", "TNI.KHONGCO", "TNI.KHONGCO")]
    [InlineData("2026-Q7", "TNI.SYT", "2026-Q7")]
    public async Task ExportBieu06_UnknownUnitOrBadPeriod_FailsWithAMessageAndWritesNothing(string period, string agency, string named)
    {
        await using var w = await TempWarehouse.InitializedAsync();
        var output = Path.Combine(w.Directory, "out");

        var run = await IwProcess.RunAsync("export", "bieu06", "--period", period, "--agency", agency, "--out", output, "--db", w.DbPath);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(named, run.Stderr);
        Assert.False(Directory.Exists(output));
    }
}
