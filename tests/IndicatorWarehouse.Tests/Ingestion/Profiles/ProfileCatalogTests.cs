using System.Text;
using IndicatorWarehouse.Ingestion;
using IndicatorWarehouse.Ingestion.Profiles;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Tests.Ingestion.Support;

namespace IndicatorWarehouse.Tests.Ingestion.Profiles;

public sealed class ProfileCatalogTests : IDisposable
{
    private static readonly DateTime AsOf = new(2026, 10, 31, 17, 0, 0);
    private readonly TempFolder _folder = new();

    private const string MinimalOnestop = """
        name: {0}
        kind: onestop
        columns: {{ dossier_code: Mã, procedure_code: Thủ tục, agency_code: Đơn vị, received_at: Ngày nhận }}
        """;

    private static MappingProfile MotCua => Reference.Profiles.Get("mot-cua-excel");

    private RowOutcome<DossierRecord> ReadMotCua(string header, string row) =>
        Assert.Single(SourceFileReader.ReadDossiers(_folder.Write("export.csv", header + "\n" + row + "\n"), MotCua, AsOf));

    private const string MotCuaHeader = "Mã hồ sơ,Mã thủ tục,Mã đơn vị,Ngày tiếp nhận,Kênh nộp,Phí lệ phí,Số ngày chờ bổ sung";

    [Fact]
    public void ReadDossiers_HeadersInOtherCaseSpacingAndNormalization_StillMapped()
    {
        var header = string.Join(",", "  MÃ  HỒ SƠ ", "mã thủ tục", "Mã\tđơn vị", "NGÀY TIẾP NHẬN").Normalize(NormalizationForm.FormD);

        var d = ReadMotCua(header, "H1,1.005129,TNI.SYT,08/10/2026 09:15").Record!;
        Assert.Equal(("H1", "1.005129", "TNI.SYT"), (d.DossierCode, d.ProcedureCode, d.AgencyCode));
        Assert.Equal(new DateTime(2026, 10, 8, 9, 15, 0), d.ReceivedAt);
    }

    [Fact]
    public void ReadDossiers_CodeNamesInOtherCaseAndSpacing_Translated()
    {
        var d = ReadMotCua(MotCuaHeader, "H1,1.005129,TNI.SYT,08/10/2026,  trực   TUYẾN ,,").Record!;

        Assert.Equal(2, d.Channel);
        Assert.Equal(new DateTime(2026, 10, 8), d.ReceivedAt);
    }

    [Theory]
    [InlineData("1.500.000", "2,5", 1_500_000, 2.5)]
    [InlineData("25000", "0,25", 25_000, 0.25)]
    [InlineData("\"1.500,5\"", "1", 1_500.5, 1)]
    public void ReadDossiers_DecimalCommaProfile_GroupingAndCommaRead(string fee, string wait, double expectedFee, double expectedWait)
    {
        var d = ReadMotCua(MotCuaHeader, $"H1,1.005129,TNI.SYT,08/10/2026 09:15,,{fee},\"{wait}\"").Record!;

        Assert.Equal((decimal)expectedFee, d.FeeAmount);
        Assert.Equal((decimal)expectedWait, d.SupplementWaitDays);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("1.50.000")]
    [InlineData("12345.678")]
    public void ReadDossiers_DecimalCommaProfile_MisgroupedNumberQuarantined(string fee)
    {
        var outcome = ReadMotCua(MotCuaHeader, $"H1,1.005129,TNI.SYT,08/10/2026 09:15,,{fee},");

        Assert.Equal("fee_amount", outcome.Problem!.Field);
        Assert.Equal($"fee_amount (Phí lệ phí): '{fee}' không phải số hợp lệ (dấu thập phân là dấu phẩy, ví dụ 150.000,5) / "
            + $"'{fee}' is not a number (decimal comma, e.g. 150.000,5)", outcome.Problem.Reason);
    }

    [Fact]
    public void ReadDossiers_BadDateUnderProfile_ReasonNamesTheVietnameseColumnAndTheFormats()
    {
        var outcome = ReadMotCua(MotCuaHeader, "H1,1.005129,TNI.SYT,31/02/2026 08:00,,,");

        Assert.Equal("received_at (Ngày tiếp nhận): '31/02/2026 08:00' không phải ngày hợp lệ (dạng dd/MM/yyyy HH:mm hoặc dd/MM/yyyy HH:mm:ss hoặc dd/MM/yyyy) / "
            + "'31/02/2026 08:00' is not a date in format dd/MM/yyyy HH:mm or dd/MM/yyyy HH:mm:ss or dd/MM/yyyy", outcome.Problem!.Reason);
    }

    [Fact]
    public void ReadDossiers_UnknownNameUnderProfile_ReasonListsTheProfileNames()
    {
        var outcome = ReadMotCua(MotCuaHeader, "H1,1.005129,TNI.SYT,08/10/2026 08:00,Qua mạng,,");

        Assert.Equal("channel", outcome.Problem!.Field);
        Assert.Equal("channel (Kênh nộp): 'Qua mạng' không phải giá trị được chấp nhận; chỉ nhận 1, 2 hoặc 3 hoặc một trong các tên mà hồ sơ ánh xạ dùng: "
            + "Trực tiếp, Trực tuyến, Bưu chính, Bưu chính công ích / 'Qua mạng' is not a known value; expected 1, 2 or 3 or one of the profile's names: "
            + "Trực tiếp, Trực tuyến, Bưu chính, Bưu chính công ích", outcome.Problem.Reason);
    }

    [Fact]
    public void ReadDossiers_ProfileColumnMissing_RejectedNamingTheVietnameseColumn()
    {
        var path = _folder.Write("export.csv", "Mã hồ sơ,Mã thủ tục,Mã đơn vị\nH1,1.005129,TNI.SYT\n");

        var e = Assert.Throws<SourceRejectedException>(() => SourceFileReader.ReadDossiers(path, MotCua, AsOf).ToList());
        Assert.Equal("thiếu cột bắt buộc 'Ngày tiếp nhận' (received_at, hồ sơ ánh xạ mot-cua-excel); dòng tiêu đề có: Mã hồ sơ, Mã thủ tục, Mã đơn vị / "
            + "the required column 'Ngày tiếp nhận' (received_at, profile mot-cua-excel) is missing; the header has: Mã hồ sơ, Mã thủ tục, Mã đơn vị",
            e.Problem);
    }

    [Fact]
    public void ReadDossiers_MappedColumnTwice_Rejected()
    {
        var path = _folder.Write("export.csv", "Mã hồ sơ,Mã thủ tục,Mã đơn vị,Ngày tiếp nhận,MÃ HỒ SƠ\nH1,1.005129,TNI.SYT,08/10/2026,H2\n");

        var e = Assert.Throws<SourceRejectedException>(() => SourceFileReader.ReadDossiers(path, MotCua, AsOf).ToList());
        Assert.Equal("cột 'Mã hồ sơ' (dossier_code) xuất hiện nhiều lần trong dòng tiêu đề / "
            + "the column 'Mã hồ sơ' (dossier_code) appears more than once in the header", e.Problem);
    }

    [Fact]
    public void ReadDossiers_ProfileDeclaringUtf16_ReadsAFileThatIsNotUtf8()
    {
        var profile = Reference.Profile(string.Format(MinimalOnestop, "utf16") + "\nencoding: utf-16\ndate_formats: [dd/MM/yyyy]\n");
        var path = _folder.Write("export.csv", "Mã,Thủ tục,Đơn vị,Ngày nhận\nH1,1.005129,TNI.SYT,08/10/2026\n", Encoding.Unicode);

        Assert.Equal("H1", Assert.Single(SourceFileReader.ReadDossiers(path, profile, AsOf)).Record!.DossierCode);
        Assert.Throws<SourceRejectedException>(() => SourceFileReader.ReadDossiers(path, null, AsOf).ToList());
    }

    [Theory]
    [InlineData("name: x\nkind: onestop\ncolumns: { dossier_code: A, procedure_code: B, agency_code: C, received_at: D, ngay_tra: E }", "'ngay_tra' is not a field of onestop files")]
    [InlineData("name: x\nkind: hoso\ncolumns: {}", "kind 'hoso' is not one of")]
    [InlineData("name: x\nkind: onestop\ncolumns: { dossier_code: A, procedure_code: B, agency_code: C }", "no header for the required field 'received_at'")]
    [InlineData("name: x\nkind: pakn\nencoding: klingon\ncolumns: { feedback_code: A, agency_code: B, received_at: C }", "klingon")]
    [InlineData("name: x\nkind: pakn\ndecimal_separator: ';'\ncolumns: { feedback_code: A, agency_code: B, received_at: C }", "decimal_separator")]
    [InlineData("name: x\nkind: pakn\ncolums: { feedback_code: A }", "colums")]
    [InlineData("name: x\nkind: pakn\ncolumns: { feedback_code: A, agency_code: B, received_at: C }\ncodes: { state: { Xong: handled, xong: published } }", "listed twice")]
    public void LoadFile_BrokenProfile_ErrorNamesTheFileAndTheProblem(string yaml, string problem)
    {
        var path = _folder.Write("broken.yaml", yaml);

        var e = Assert.Throws<InvalidDataException>(() => ProfileCatalog.LoadFile(path));
        Assert.StartsWith(path, e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void Load_UserFolderAfterShippedFolder_UserProfileReplacesTheShippedOne()
    {
        var user = Directory.CreateDirectory(Path.Combine(_folder.Path, "user")).FullName;
        File.WriteAllText(Path.Combine(user, "mine.yaml"), string.Format(MinimalOnestop, "mot-cua-excel"));
        File.WriteAllText(Path.Combine(user, "other.yml"), string.Format(MinimalOnestop, "phan-mem-khac"));

        var catalog = ProfileCatalog.Load(Path.Combine(Reference.Directory, "profiles"), user, Path.Combine(_folder.Path, "absent"));
        Assert.Equal(["Mã"], catalog.Get("mot-cua-excel").HeadersFor(CanonicalSchema.Onestop["dossier_code"]));
        Assert.Equal(4, catalog.All.Count());
        var e = Assert.Throws<KeyNotFoundException>(() => catalog.Get("khong-co"));
        Assert.Contains("dvcqg-sync", e.Message);
    }

    [Fact]
    public void Load_TwoProfilesWithOneNameInOneFolder_Refused()
    {
        File.WriteAllText(Path.Combine(_folder.Path, "a.yaml"), string.Format(MinimalOnestop, "trung"));
        File.WriteAllText(Path.Combine(_folder.Path, "b.yaml"), string.Format(MinimalOnestop, "trung"));

        Assert.Contains("also named 'trung'", Assert.Throws<InvalidDataException>(() => ProfileCatalog.Load(_folder.Path)).Message);
    }

    public void Dispose() => _folder.Dispose();
}
