using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using IndicatorWarehouse.Tests.Support;
using IndicatorWarehouse.Application.Exports;

namespace IndicatorWarehouse.Tests.Exports;

public sealed class Bieu06XlsxTests(Bieu06Scenario scenario) : IClassFixture<Bieu06Scenario>
{
    [Fact]
    public async Task Write_Quarter_ReadsBackWithTheFormsHeadersAndNumbersAsNumbers()
    {
        var report = await scenario.ReportAsync("2026-Q3", province: "TNI");

        var grid = XlsxGrid.Read(Write(report));

        Assert.Equal(Bieu06Columns.Title, grid[0][0]);
        Assert.Equal("Đơn vị báo cáo: Ủy ban nhân dân tỉnh Tây Ninh", grid[1][0]);
        Assert.Equal("Kỳ báo cáo: Quý III/2026 (01/07/2026–30/09/2026)", grid[2][0]);
        Assert.Equal("Số liệu cập nhật đến 17:00 ngày 20/11/2026", grid[3][0]);
        Assert.Equal(["STT", "Đơn vị / Lĩnh vực", "Số hồ sơ nhận giải quyết", null, null, null, "Số hồ sơ đã giải quyết", null, null, null,
            "Số hồ sơ đang giải quyết", null, null], grid[5]);
        Assert.Equal([null, null, "Tổng số", "Trong đó", null, null, "Tổng số", "Trả trước hạn", "Trả đúng hạn", "Trả quá hạn",
            "Tổng số", "Chưa đến hạn", "Quá hạn"], grid[6]);
        Assert.Equal([null, null, null, "Số mới tiếp nhận trực tuyến", "Số mới tiếp nhận trực tiếp và dịch vụ bưu chính công ích",
            "Số kỳ trước chuyển qua", null, null, null, null, null, null, null], grid[7]);
        Assert.Equal("(3)=(4)+(5)+(6)", grid[8][2]);
        Assert.Equal("(11)=(12)+(13)", grid[8][10]);

        var data = grid.Skip(Bieu06Xlsx.FirstDataRow - 1).ToList();
        Assert.Equal(report.Rows.Select(r => r.Label), data.Select(r => (string)r[1]!));
        var department = data.Single(r => (string?)r[1] == "Sở Y tế Tây Ninh");
        Assert.All(department.Skip(2), cell => Assert.IsType<double>(cell));
        Assert.Equal(Bieu06Scenario.DepartmentQ3.Select(n => (double)n), department.Skip(2).Cast<double>());
        Assert.Equal(("Tổng cộng", (double)report.Total.Counts.ReceivedTotal), ((string)data[^1][1]!, (double)data[^1][2]!));
    }

    [Fact]
    public async Task Write_Quarter_IsValidOpenXmlWithMergedHeadersFrozenPaneAndThousandsFormat()
    {
        var report = await scenario.ReportAsync("2026-Q3");

        using var document = SpreadsheetDocument.Open(Write(report), isEditable: false);

        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var workbook = document.WorkbookPart!;
        Assert.Equal(Bieu06Xlsx.SheetName, workbook.Workbook.Descendants<Sheet>().Single().Name!.Value);
        var sheet = workbook.WorksheetParts.Single().Worksheet;
        var merges = sheet.Descendants<MergeCell>().Select(m => m.Reference!.Value).ToList();
        Assert.Superset(new HashSet<string?> { "A1:M1", "A6:A8", "B6:B8", "C6:F6", "G6:J6", "K6:M6", "C7:C8", "D7:F7", "M7:M8" }, merges.ToHashSet());
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(("C10", PaneStateValues.Frozen), (pane.TopLeftCell!.Value, pane.State!.Value));
        Assert.True(sheet.Descendants<Column>().Single(c => c.Min!.Value == 2).Width!.Value > 40);

        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var fonts = workbook.WorkbookStylesPart.Stylesheet.Fonts!.Elements<Font>().ToList();
        var unitRow = Bieu06Xlsx.FirstDataRow + report.Rows.ToList().FindIndex(r => r.Kind == Bieu06RowKind.Unit);
        var fieldRow = unitRow + 1;
        CellFormat Format(string reference) => formats[(int)sheet.Descendants<Cell>().Single(c => c.CellReference == reference).StyleIndex!.Value];
        Assert.Equal(3u, Format($"C{unitRow}").NumberFormatId!.Value);
        Assert.NotNull(fonts[(int)Format($"B{unitRow}").FontId!.Value].GetFirstChild<Bold>());
        Assert.Null(fonts[(int)Format($"B{fieldRow}").FontId!.Value].GetFirstChild<Bold>());
        Assert.Equal("'Biểu 06'!$6:$9", workbook.Workbook.Descendants<DefinedName>().Single(d => d.Name == "_xlnm.Print_Titles").Text);
    }

    private static MemoryStream Write(Bieu06Report report)
    {
        var stream = new MemoryStream();
        Bieu06Xlsx.Write(report, stream);
        stream.Position = 0;
        return stream;
    }
}
