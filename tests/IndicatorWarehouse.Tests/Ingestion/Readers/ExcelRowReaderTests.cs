using IndicatorWarehouse.Ingestion.Readers;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Tests.Ingestion.Support;

namespace IndicatorWarehouse.Tests.Ingestion.Readers;

public sealed class ExcelRowReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void Read_SampleWorkbook_DateCellsBecomeIsoDatesAndNumbersText()
    {
        using var reader = RawRowReader.Open(Reference.Sample("mot-cua-excel.xlsx"), ReadOptions.Default with { DecimalSeparator = ',' });
        var rows = reader.ReadAll().ToList();

        Assert.Equal(20, rows.Count);
        Assert.Equal("Mã hồ sơ", reader.Header!.Names[1]);
        var third = rows[2];
        Assert.Equal(4, third.Number);
        Assert.Equal("2026-10-02T14:15:00", third["Ngày tiếp nhận"]);
        Assert.Equal("16/10/2026 17:00", third["Ngày hẹn trả"]);
        Assert.Equal("1000000", third["Phí lệ phí"]);
        Assert.Equal("2,5", third["Số ngày chờ bổ sung"]);
        Assert.Equal("", rows[0]["Phí lệ phí"]);
    }

    [Fact]
    public void Open_TextFileNamedXlsx_Rejected()
    {
        var path = _folder.Write("export.xlsx", "Mã hồ sơ,Trạng thái\nH1,10\n");

        var e = Assert.Throws<SourceRejectedException>(() => RawRowReader.Open(path));
        Assert.Equal("không phải bảng tính Excel (tệp .xlsx là một tệp nén ZIP; tệp này là văn bản) / "
            + "is not an Excel workbook (an .xlsx file is a ZIP archive; this one is text)", e.Problem);
    }

    [Fact]
    public void Open_ZipThatIsNotAWorkbook_Rejected()
    {
        var path = Path.Combine(_folder.Path, "archive.xlsx");
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create))
            using (var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open())) writer.Write("not a workbook");

        var e = Assert.Throws<SourceRejectedException>(() => RawRowReader.Open(path));
        Assert.StartsWith("không đọc được bảng tính Excel (tệp hỏng hoặc sai định dạng) / is not a readable Excel workbook (", e.Problem);
    }

    public void Dispose() => _folder.Dispose();
}
