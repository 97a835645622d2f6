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
