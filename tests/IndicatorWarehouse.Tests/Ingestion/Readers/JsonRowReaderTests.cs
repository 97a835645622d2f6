using System.Text;
using IndicatorWarehouse.Ingestion.Readers;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Tests.Ingestion.Support;

namespace IndicatorWarehouse.Tests.Ingestion.Readers;

public sealed class JsonRowReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void Read_ScalarsNestedAndNull_BecomeText()
    {
        var path = _folder.Write("a.json", """
            [ { "MaHoSo": "H1", "Phi": 25000.5, "SoLan": 2, "DaXinLoi": true, "Khac": false, "LyDo": null,
                "DanhSach": [ { "Ngay": "20261008" } ] },
              { "MaHoSo": "H2", "Phi": 0 } ]
            """, new UTF8Encoding(true));
        using var reader = RawRowReader.Open(path);
        var rows = reader.ReadAll().ToList();

        Assert.Equal(2, rows.Count);
        Assert.Equal("25000.5", rows[0]["Phi"]);
        Assert.Equal("2", rows[0]["SoLan"]);
        Assert.Equal("1", rows[0]["DaXinLoi"]);
        Assert.Equal("0", rows[0]["Khac"]);
        Assert.Null(rows[0]["LyDo"]);
        Assert.Equal("""[ { "Ngay": "20261008" } ]""", rows[0]["DanhSach"]);
        Assert.Equal([1, 2], rows.Select(r => r.Number));
        Assert.Null(rows[1]["SoLan"]);
    }

    [Fact]
    public void Read_DecimalCommaOption_NumbersFollowTheFileConvention()
    {
        var path = _folder.Write("a.json", """[{"Phi": 1500.25}]""");
        using var reader = RawRowReader.Open(path, ReadOptions.Default with { DecimalSeparator = ',' });

        Assert.Equal("1500,25", Assert.Single(reader.ReadAll())["Phi"]);
    }

    [Fact]
    public void Read_ManyElementsLargerThanTheWindow_StreamsAllOfThem()
    {
        var text = new StringBuilder("[");
        for (var i = 0; i < 3000; i++)
            text.Append(i == 0 ? "" : ",").Append($$"""{"code":"H{{i}}","note":"{{new string('ư', i % 7 == 0 ? 40_000 : 50)}}"}""");
        var path = _folder.Write("big.json", text.Append(']').ToString());
        using var reader = RawRowReader.Open(path);

        var rows = reader.ReadAll().ToList();
        Assert.Equal(3000, rows.Count);
        Assert.Equal("H2999", rows[^1]["code"]);
        Assert.Equal(40_000, rows[2996]["note"]!.Length);
    }

    [Fact]
    public void Open_EmptyArray_NoHeaderNoRows()
    {
        var path = _folder.Write("empty.json", " [ ] ");
        using var reader = RawRowReader.Open(path);

        Assert.Null(reader.Header);
        Assert.Empty(reader.ReadAll());
    }

    [Fact]
    public void Open_ObjectInsteadOfArray_Rejected()
    {
        var path = _folder.Write("obj.json", """{ "data": [ { "MaHoSo": "H1" } ] }""");

        var e = Assert.Throws<SourceRejectedException>(() => RawRowReader.Open(path));
        Assert.Equal("là một đối tượng JSON, không phải mảng JSON gồm các đối tượng (mỗi bản ghi một đối tượng) / "
            + "is a JSON object, not a JSON array of objects (one object per record)", e.Problem);
    }

    [Fact]
    public void Open_NotJsonAtAll_Rejected()
    {
        var path = _folder.Write("csv.json", "MaHoSo,TrangThai\nH1,10\n");

        Assert.Equal("không phải mảng JSON: phải bắt đầu bằng '[' / is not a JSON array: it must start with '['",
            Assert.Throws<SourceRejectedException>(() => RawRowReader.Open(path)).Problem);
    }

    [Fact]
    public void Read_TruncatedFile_RejectedAfterTheCompleteElements()
    {
        var path = _folder.Write("cut.json", "[\n{\"MaHoSo\":\"H1\"},\n{\"MaHoSo\":\"H2\"},\n{\"MaHoSo\":\"H3\",\"Ngay");
        using var reader = RawRowReader.Open(path);
        var seen = new List<string?>();

        var e = Assert.Throws<SourceRejectedException>(() => { foreach (var row in reader.ReadAll()) seen.Add(row["MaHoSo"]); });
        Assert.Equal(["H1", "H2"], seen);
        Assert.StartsWith("không phải JSON hợp lệ ở dòng 4 (sai cú pháp hoặc tệp bị cắt cụt) / is not valid JSON at line 4: ", e.Problem);
    }

    [Fact]
    public void Read_SyntaxErrorMidFile_RejectedNamingTheLine()
    {
        var path = _folder.Write("bad.json", "[\n{\"a\":1},\n{\"a\":2},\n{\"a\": tru}\n]");

        var e = Assert.Throws<SourceRejectedException>(() => RawRowReader.Open(path).ReadAll().ToList());
        Assert.StartsWith("không phải JSON hợp lệ ở dòng 4 (sai cú pháp hoặc tệp bị cắt cụt) / is not valid JSON at line 4: ", e.Problem);
    }

    [Fact]
    public void Read_ElementThatIsNotAnObject_Rejected()
    {
        var path = _folder.Write("mixed.json", """[{"a":1}, "H2"]""");

        var e = Assert.Throws<SourceRejectedException>(() => RawRowReader.Open(path).ReadAll().ToList());
        Assert.Equal("phần tử thứ 2 của mảng là một chuỗi văn bản, không phải một đối tượng chứa một bản ghi / "
            + "element 2 of the array is a string, not an object with one record", e.Problem);
    }

    [Fact]
    public void Read_ContentAfterTheArray_Rejected()
    {
        var path = _folder.Write("two.json", """[{"a":1}] [{"a":2}]""");

        var e = Assert.Throws<SourceRejectedException>(() => RawRowReader.Open(path).ReadAll().ToList());
        Assert.Equal("còn nội dung sau dấu ']' đóng mảng / has content after the closing ']' of the array", e.Problem);
    }

    public void Dispose() => _folder.Dispose();
}
