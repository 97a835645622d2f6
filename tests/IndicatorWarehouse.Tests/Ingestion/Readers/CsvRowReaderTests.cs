using System.Text;
using IndicatorWarehouse.Ingestion.Readers;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Tests.Ingestion.Support;

namespace IndicatorWarehouse.Tests.Ingestion.Readers;

public sealed class CsvRowReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void Read_QuotedFieldsWithDelimitersQuotesAndLineBreaks_KeepsValuesAndLineNumbers()
    {
        var path = _folder.Write("a.csv",
            "code,name,note\r\n" +
            "A1,\"Sở Y tế, Tây Ninh\",\"nói \"\"xin lỗi\"\"\"\r\n" +
            "A2,\"dòng một\r\ndòng hai\ndòng ba\",\r\n" +
            "A3,plain,\"\"\n");
        using var reader = RawRowReader.Open(path);
        var rows = reader.ReadAll().ToList();

        Assert.Equal(["code", "name", "note"], reader.Header!.Names);
        Assert.Equal(3, rows.Count);
        Assert.Equal(new string?[] { "A1", "Sở Y tế, Tây Ninh", "nói \"xin lỗi\"" }, rows[0].Values.AsEnumerable());
        Assert.Equal("dòng một\r\ndòng hai\ndòng ba", rows[1]["name"]);
        Assert.Equal("", rows[1]["note"]);
        Assert.Equal([2, 3, 6], rows.Select(r => r.Number));
        Assert.Equal("", rows[2]["note"]);
    }

    [Fact]
    public void Read_Utf8BomAndBlankLines_BomDroppedBlankLinesSkipped()
    {
        var path = _folder.Write("bom.csv", "dossier_code,status\n\nH1,10\n\n\nH2,4", new UTF8Encoding(true));
        using var reader = RawRowReader.Open(path);
        var rows = reader.ReadAll().ToList();

        Assert.Equal("dossier_code", reader.Header!.Names[0]);
        Assert.Equal([("H1", 3), ("H2", 6)], rows.Select(r => (r["dossier_code"]!, r.Number)));
        Assert.Equal("4", rows[1]["status"]);
    }

    [Fact]
    public void Read_FieldsAcrossTheBufferEdge_AreReadWhole_AndFieldsOverTheCellLimitAreCutOnePast()
    {
        var longText = new string('ạ', 30_000);
        var tooLong = new string('x', 100_000);
        var path = _folder.Write("long.csv", $"a,b,c\n{longText},{longText},\"{longText}\"\n{tooLong},\"{tooLong}\",z\nx,y,w\n");
        using var reader = RawRowReader.Open(path);
        var rows = reader.ReadAll().ToList();

        Assert.Equal(longText, rows[0]["c"]);
        Assert.Equal(CellLimit.MaxChars + 1, rows[1]["a"]!.Length);
        Assert.Equal(CellLimit.MaxChars + 1, rows[1]["b"]!.Length);
        Assert.Equal("z", rows[1]["c"]);
        Assert.Equal("y", rows[2]["b"]);
    }

    [Fact]
    public void Open_InvalidUtf8_RejectedNamingTheLine()
    {
        var bytes = Encoding.UTF8.GetBytes("a,b\n1,ok\n2,ok\n").Concat(new byte[] { (byte)'3', (byte)',', 0xC3, 0x28, (byte)'\n' }).ToArray();
        var path = _folder.WriteBytes("latin.csv", bytes);

        var e = Assert.Throws<SourceRejectedException>(() => RawRowReader.Open(path).ReadAll().ToList());
        Assert.Equal(path, e.File);
        Assert.Equal("không phải văn bản UTF-8 hợp lệ ở dòng 4 (vị trí byte 16); hãy lưu lại dạng UTF-8 hoặc dùng hồ sơ ánh xạ khai báo bảng mã "
            + "của tệp (ví dụ windows-1258) / is not valid UTF-8 text at line 4 (byte offset 16); save it as UTF-8 or use a profile that declares "
            + "its encoding (e.g. windows-1258)", e.Problem);
    }

    [Fact]
    public void Open_InvalidUtf8FarIntoTheFile_ExactLineReported()
    {
        var text = new StringBuilder("a,b\n");
        for (var i = 0; i < 20_000; i++) text.Append($"{i},Hồ sơ số {i}\n");
        var bytes = Encoding.UTF8.GetBytes(text.ToString()).Concat(new byte[] { 0xFF, (byte)'\n' }).ToArray();
        var path = _folder.WriteBytes("late.csv", bytes);

        var e = Assert.Throws<SourceRejectedException>(() => RawRowReader.Open(path).ReadAll().ToList());
        Assert.Contains("ở dòng 20.002 (vị trí byte ", e.Problem);
        Assert.Contains("at line 20002 (byte offset ", e.Problem);
    }

    [Fact]
    public void Open_Utf16WithoutProfile_Rejected()
    {
        var path = _folder.Write("u16.csv", "a,b\n1,2\n", Encoding.Unicode);

        var e = Assert.Throws<SourceRejectedException>(() => RawRowReader.Open(path));
        Assert.Equal("là văn bản UTF-16 (có dấu BOM), không phải UTF-8; hãy lưu lại dạng UTF-8 hoặc dùng hồ sơ ánh xạ khai báo encoding: utf-16 / "
            + "is UTF-16 text (byte-order mark), not UTF-8; save it as UTF-8 or use a profile that declares encoding: utf-16", e.Problem);
    }

    [Fact]
    public void Open_Utf16DeclaredByOptions_ReadsVietnameseText()
    {
        var path = _folder.Write("u16.csv", "Mã hồ sơ,Trạng thái\nH1,Đã trả kết quả\n", Encoding.Unicode);
        using var reader = RawRowReader.Open(path, new ReadOptions(TextEncodings.Strict("utf-16")));

        var row = Assert.Single(reader.ReadAll());
        Assert.Equal("Đã trả kết quả", row["trạng thái"]);
    }

    [Fact]
    public void Open_Windows1258DeclaredByOptions_DecodesVietnamese()
    {
        // windows-1258 writes tones as combining marks; "Bưu chính" survives the round trip.
        var encoding = TextEncodings.Strict("windows-1258");
        var path = _folder.WriteBytes("cp1258.csv", encoding.GetBytes("kenh\nBưu chính\n"));
        using var reader = RawRowReader.Open(path, new ReadOptions(encoding));

        Assert.Equal("Bưu chính", Assert.Single(reader.ReadAll())["kenh"]);
    }

    [Fact]
    public void Open_ZipArchiveNamedCsv_RejectedAsBinary()
    {
        var path = _folder.WriteBytes("export.csv", File.ReadAllBytes(Reference.Sample("mot-cua-excel.xlsx")));

        var e = Assert.Throws<SourceRejectedException>(() => RawRowReader.Open(path));
        Assert.Equal("là tệp nén ZIP (bảng tính .xlsx?), không phải tệp văn bản CSV / is a ZIP archive (an .xlsx workbook?), not a CSV text file",
            e.Problem);
    }

    [Fact]
    public void Open_BinaryWithNulBytes_Rejected()
    {
        var path = _folder.WriteBytes("data.csv", [0x01, 0x02, 0x00, 0x41, 0x0A, 0x00]);

        var e = Assert.Throws<SourceRejectedException>(() => RawRowReader.Open(path));
        Assert.Equal("chứa byte NUL: đây là tệp nhị phân, không phải văn bản CSV / contains NUL bytes: a binary file, not CSV text", e.Problem);
    }

    [Fact]
    public void Read_UnterminatedQuote_RejectedNamingWhereItOpened()
    {
        var path = _folder.Write("open.csv", "a,b\n1,2\n3,\"never closed\n4,5\n");

        var e = Assert.Throws<SourceRejectedException>(() => RawRowReader.Open(path).ReadAll().ToList());
        Assert.Equal("dòng 3: một giá trị mở ngoặc kép nhưng không đóng (thiếu '\"' trước khi hết tệp) / "
            + "line 3: a quoted field is never closed (missing '\"' before the end of the file)", e.Problem);
    }

    [Fact]
    public void Open_EmptyFile_Rejected()
    {
        var path = _folder.Write("empty.csv", "");

        Assert.Equal("tệp trống / the file is empty", Assert.Throws<SourceRejectedException>(() => RawRowReader.Open(path)).Problem);
    }

    [Fact]
    public void Open_UnknownExtension_Rejected()
    {
        var path = _folder.Write("data.txt", "a\n1\n");

        Assert.Equal("không nhận loại tệp '.txt': chỉ nhận .csv, .json hoặc .xlsx / unsupported file type '.txt': expected .csv, .json or .xlsx",
            Assert.Throws<SourceRejectedException>(() => RawRowReader.Open(path)).Problem);
    }

    [Fact]
    public void Read_SemicolonDelimiterAndHeaderOnThirdRow_FollowsOptions()
    {
        var path = _folder.Write("semi.csv", "DANH SÁCH HỒ SƠ\nTháng 10/2026\nMã;Phí\nH1;\"1.500,5\"\n");
        using var reader = RawRowReader.Open(path, new ReadOptions(TextEncodings.StrictUtf8, Delimiter: ';', HeaderRow: 3));

        var row = Assert.Single(reader.ReadAll());
        Assert.Equal(["Mã", "Phí"], reader.Header!.Names);
        Assert.Equal("1.500,5", row["Phí"]);
        Assert.Equal(4, row.Number);
    }

    public void Dispose() => _folder.Dispose();
}
