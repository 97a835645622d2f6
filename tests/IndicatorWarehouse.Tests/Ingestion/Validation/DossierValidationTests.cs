using System.Text;
using System.Text.Json;
using IndicatorWarehouse.Ingestion;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Tests.Ingestion.Support;

namespace IndicatorWarehouse.Tests.Ingestion.Validation;

public sealed class DossierValidationTests : IDisposable
{
    private static readonly DateTime AsOf = new(2026, 10, 31, 17, 0, 0);
    private readonly TempFolder _folder = new();

    private List<RowOutcome<DossierRecord>> Read(string csv) =>
        SourceFileReader.ReadDossiers(_folder.Write("onestop.csv", csv), null, AsOf).ToList();

    private RowOutcome<DossierRecord> ReadOne(Dictionary<string, string> change) => Assert.Single(Read(CanonicalCsv.Dossiers(change)));

    [Fact]
    public void ReadDossiers_ValidCanonicalRow_TypedRecord()
    {
        var outcome = ReadOne([]);

        Assert.True(outcome.IsValid);
        Assert.Equal(2, outcome.Line);
        var d = outcome.Record!;
        Assert.Equal("H57.22-261008-0975", d.DossierCode);
        Assert.Equal("Cấp chứng chỉ hành nghề dược", d.ProcedureName);
        Assert.Equal(new DateTime(2026, 10, 8, 9, 15, 0), d.ReceivedAt);
        Assert.Equal(new DateTime(2026, 10, 22), d.DueAt);
        Assert.Equal((10, 2, 1, 1), (d.Status, d.Channel, d.ApplicantType, d.PaidOnline));
        Assert.Equal("toan_trinh", d.OnlineService);
        Assert.Equal(500000m, d.FeeAmount);
        Assert.Equal(2.5m, d.SupplementWaitDays);
        Assert.Null(d.LateReason);
        Assert.Equal("like", d.CitizenRating);
    }

    [Fact]
    public void ReadDossiers_EmptyOptionalFields_UnknownIsNullButEventsThatDidNotHappenAreNone()
    {
        var d = ReadOne(new()
        {
            ["applicant_type"] = "", ["due_at"] = "", ["finished_at"] = "", ["returned_at"] = "", ["status"] = "", ["channel"] = "",
            ["online_service"] = "", ["fee_amount"] = "", ["paid_online"] = "", ["supplement_requests"] = "",
            ["supplement_wait_days"] = "", ["apology_issued"] = "", ["citizen_rating"] = "",
        }).Record!;

        Assert.Equal((null, null, null, null, null), (d.ApplicantType, d.DueAt, d.FinishedAt, d.Status, d.Channel));
        Assert.Null(d.CitizenRating);
        Assert.Equal((0m, 0, 0, 0m, false), (d.FeeAmount, d.PaidOnline, d.SupplementRequests, d.SupplementWaitDays, d.ApologyIssued));
    }

    [Fact]
    public void ReadDossiers_TextWithSpacesAndDecomposedAccents_TrimmedAndNfc()
    {
        var decomposed = "Sở Y tế Tây Ninh".Normalize(NormalizationForm.FormD);
        var d = ReadOne(new() { ["agency_name"] = $"  {decomposed}  ", ["agency_code"] = " TNI.SYT " }).Record!;

        Assert.Equal("Sở Y tế Tây Ninh", d.AgencyName);
        Assert.True(d.AgencyName!.IsNormalized(NormalizationForm.FormC));
        Assert.Equal("TNI.SYT", d.AgencyCode);
    }

    [Theory]
    [InlineData("dossier_code")]
    [InlineData("procedure_code")]
    [InlineData("agency_code")]
    [InlineData("received_at")]
    public void ReadDossiers_RequiredFieldEmpty_Quarantined(string field)
    {
        var outcome = ReadOne(new() { [field] = "  " });

        Assert.False(outcome.IsValid);
        Assert.Null(outcome.Record);
        Assert.Equal(field, outcome.Problem!.Field);
        Assert.Equal($"{field}: trống nhưng bắt buộc phải có / is empty, but every record needs it", outcome.Problem.Reason);
    }

    [Theory]
    [InlineData("late_reason", 1000, "dài 1.001 ký tự, kho dữ liệu chỉ giữ tối đa 1.000")]
    [InlineData("procedure_name", 1000, "dài 1.001 ký tự, kho dữ liệu chỉ giữ tối đa 1.000")]
    [InlineData("agency_name", 300, "dài 301 ký tự, kho dữ liệu chỉ giữ tối đa 300")]
    public void ReadDossiers_TextLongerThanTheWarehouseKeeps_QuarantinedWithItsLengthAndTheLimit(string field, int limit, string vietnamese)
    {
        var fits = ReadOne(new() { [field] = new string('x', limit) });
        var outcome = ReadOne(new() { [field] = new string('x', limit + 1) });

        Assert.True(fits.IsValid);
        Assert.Equal(field, outcome.Problem!.Field);
        Assert.Equal($"{field}: {vietnamese} / is {limit + 1} characters long; the warehouse keeps at most {limit}", outcome.Problem.Reason);
        Assert.Equal("H57.22-261008-0975", outcome.Problem.RecordKey);
    }

    [Theory]
    [InlineData("received_at", "2026-02-31T08:00:00")]
    [InlineData("received_at", "08/10/2026")]
    [InlineData("due_at", "ngày mai")]
    [InlineData("finished_at", "2026-10-20T25:00:00")]
    public void ReadDossiers_UnparseableDate_QuarantinedWithTheTextAndTheExpectedForm(string field, string text)
    {
        var outcome = ReadOne(new() { [field] = text });

        Assert.Equal(field, outcome.Problem!.Field);
        Assert.Equal($"{field}: '{text}' không phải ngày hợp lệ (dạng yyyy-MM-dd hoặc yyyy-MM-ddTHH:mm:ss) / "
            + $"'{text}' is not an ISO date (yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss)", outcome.Problem.Reason);
        Assert.Equal("H57.22-261008-0975", outcome.Problem.RecordKey);
    }

    [Fact]
    public void ReadDossiers_DateBefore2000_QuarantinedAsImplausible()
    {
        var outcome = ReadOne(new() { ["received_at"] = "1900-01-01", ["finished_at"] = "", ["returned_at"] = "" });

        Assert.Equal("received_at: '1900-01-01' không hợp lý: trước năm 2000 / '1900-01-01' is before 2000: not a plausible date",
            outcome.Problem!.Reason);
    }

    [Fact]
    public void ReadDossiers_ReceivedAfterAsOf_Quarantined()
    {
        var outcome = ReadOne(new() { ["received_at"] = "2026-11-02T08:00:00", ["finished_at"] = "", ["returned_at"] = "" });

        Assert.Equal("received_at", outcome.Problem!.Field);
        Assert.Equal("received_at: 02/11/2026 08:00 sau thời điểm dữ liệu của lô (31/10/2026 17:00) / "
            + "02/11/2026 08:00 is after the snapshot's as-of time 31/10/2026 17:00", outcome.Problem.Reason);
    }

    [Fact]
    public void ReadDossiers_ReceivedExactlyAtAsOf_Accepted()
    {
        Assert.True(ReadOne(new() { ["received_at"] = "2026-10-31T17:00:00", ["finished_at"] = "", ["returned_at"] = "" }).IsValid);
    }

    [Fact]
    public void ReadDossiers_FinishedBeforeReceived_Quarantined()
    {
        var outcome = ReadOne(new() { ["finished_at"] = "2026-10-07T16:00:00" });

        Assert.Equal("finished_at", outcome.Problem!.Field);
        Assert.Equal("finished_at: 07/10/2026 16:00 sớm hơn received_at (08/10/2026 09:15) / 07/10/2026 16:00 is before received_at 08/10/2026 09:15",
            outcome.Problem.Reason);
    }

    [Theory]
    [InlineData("fee_amount", "500,000",
        "'500,000' không phải số hợp lệ (dấu thập phân là dấu chấm, ví dụ 150000.5) / '500,000' is not a number (decimal point, e.g. 150000.5)")]
    [InlineData("fee_amount", "năm trăm",
        "'năm trăm' không phải số hợp lệ (dấu thập phân là dấu chấm, ví dụ 150000.5) / 'năm trăm' is not a number (decimal point, e.g. 150000.5)")]
    [InlineData("fee_amount", "-5", "'-5' là số âm / '-5' is negative")]
    [InlineData("supplement_wait_days", "2,5",
        "'2,5' không phải số hợp lệ (dấu thập phân là dấu chấm, ví dụ 150000.5) / '2,5' is not a number (decimal point, e.g. 150000.5)")]
    [InlineData("supplement_requests", "1.5", "'1.5' không phải số nguyên / '1.5' is not a whole number")]
    [InlineData("supplement_requests", "-1", "'-1' là số âm / '-1' is negative")]
    public void ReadDossiers_BadNumber_Quarantined(string field, string text, string reason)
    {
        var outcome = ReadOne(new() { [field] = text });

        Assert.Equal(field, outcome.Problem!.Field);
        Assert.Equal($"{field}: {reason}", outcome.Problem.Reason);
    }

    [Theory]
    [InlineData("status", "11", "1–10", "1–10")]
    [InlineData("status", "Đã trả kết quả", "1–10", "1–10")]
    [InlineData("channel", "4", "1, 2 hoặc 3", "1, 2 or 3")]
    [InlineData("paid_online", "3", "0, 1 hoặc 2", "0, 1 or 2")]
    [InlineData("applicant_type", "0", "1 hoặc 2", "1 or 2")]
    [InlineData("online_service", "muc_do_4", "toan_trinh, mot_phan, none", "toan_trinh, mot_phan, none")]
    [InlineData("citizen_rating", "ok", "like, dislike", "like, dislike")]
    public void ReadDossiers_UnknownCode_Quarantined(string field, string text, string expectedVi, string expected)
    {
        var outcome = ReadOne(new() { [field] = text });

        Assert.Equal(field, outcome.Problem!.Field);
        Assert.Equal($"{field}: '{text}' không phải giá trị được chấp nhận; chỉ nhận {expectedVi} / '{text}' is not a known value; expected {expected}",
            outcome.Problem.Reason);
    }

    [Fact]
    public void ReadDossiers_FlagNotZeroOrOne_Quarantined()
    {
        var outcome = ReadOne(new() { ["apology_issued"] = "yes" });

        Assert.Equal("apology_issued: 'yes' không phải giá trị có/không; chỉ nhận 0 hoặc 1 / 'yes' is not a yes/no flag; expected 0 or 1",
            outcome.Problem!.Reason);
    }

    [Fact]
    public void ReadDossiers_SeveralProblems_EveryBadFieldReportedInFieldOrder()
    {
        var outcome = ReadOne(new() { ["agency_code"] = "", ["status"] = "99" });

        Assert.Equal("agency_code, status", outcome.Problem!.Field);
        Assert.StartsWith("agency_code: trống nhưng bắt buộc phải có", outcome.Problem.Reason);
        Assert.Contains("; status: '99' không phải giá trị được chấp nhận", outcome.Problem.Reason);
    }

    [Fact]
    public void ReadDossiers_GoodAndBadRows_EachRowItsOwnOutcomeAndLine()
    {
        var outcomes = Read(CanonicalCsv.Dossiers([], new() { ["dossier_code"] = "H2", ["status"] = "0" }, new() { ["dossier_code"] = "H3" }));

        Assert.Equal([(2, true), (3, false), (4, true)], outcomes.Select(o => (o.Line, o.IsValid)));
        Assert.Equal("H2", outcomes[1].Problem!.RecordKey);
    }

    [Fact]
    public void ReadDossiers_RowWithTooManyValues_Quarantined()
    {
        var csv = CanonicalCsv.Dossiers([]).TrimEnd('\n') + ",extra\n";

        var outcome = Assert.Single(Read(csv));
        Assert.Equal("(row)", outcome.Problem!.Field);
        Assert.Equal("có 23 giá trị nhưng dòng tiêu đề có 22 cột (dấu phân cách trong giá trị không đặt trong ngoặc kép?) / "
            + "has 23 values but the header has 22 columns (an unquoted delimiter in a value?)", outcome.Problem.Reason);
    }

    [Fact]
    public void ReadDossiers_RawJson_IsTheRowAsReadUnderItsOriginalHeaders()
    {
        var outcome = ReadOne(new() { ["status"] = "mười", ["late_reason"] = "Chờ \"thẩm định\"" });

        using var json = JsonDocument.Parse(outcome.RawJson);
        Assert.Equal("mười", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Chờ \"thẩm định\"", json.RootElement.GetProperty("late_reason").GetString());
        Assert.Equal(22, json.RootElement.EnumerateObject().Count());
        Assert.Contains("Sở Y tế Tây Ninh", outcome.RawJson);
    }

    [Fact]
    public void ReadDossiers_RequiredColumnMissing_FileRejectedNamingTheColumn()
    {
        var csv = "dossier_code,procedure_code,agency_code,status\nH1,1.005129,TNI.SYT,10\n";

        var e = Assert.Throws<SourceRejectedException>(() => Read(csv));
        Assert.EndsWith("onestop.csv", e.File);
        Assert.Equal("thiếu cột bắt buộc 'received_at'; dòng tiêu đề có: dossier_code, procedure_code, agency_code, status / "
            + "the required column 'received_at' is missing; the header has: dossier_code, procedure_code, agency_code, status", e.Problem);
    }

    [Fact]
    public void ReadDossiers_OptionalColumnsAbsent_RowsStillRead()
    {
        var d = Assert.Single(Read("dossier_code,procedure_code,agency_code,received_at\nH1,1.005129,TNI.SYT,2026-10-01\n")).Record!;

        Assert.Equal((null, 0m, 0), (d.Status, d.FeeAmount, d.SupplementRequests));
    }

    [Fact]
    public void ReadDossiers_HeaderOnly_NoOutcomes()
    {
        Assert.Empty(Read(string.Join(",", CanonicalSchema.Onestop.Fields.Select(f => f.Name)) + "\n"));
    }

    [Fact]
    public void ReadDossiers_ProfileOfAnotherKind_Rejected()
    {
        var path = _folder.Write("onestop.csv", CanonicalCsv.Dossiers([]));

        var e = Assert.Throws<SourceRejectedException>(() =>
            SourceFileReader.ReadDossiers(path, Reference.Profiles.Get("pakn-he-thong"), AsOf).ToList());
        Assert.Equal("hồ sơ ánh xạ 'pakn-he-thong' dành cho tệp pakn, không phải tệp onestop / "
            + "the profile 'pakn-he-thong' maps pakn files, not onestop", e.Problem);
    }

    [Fact]
    public void ReadDossiers_IsLazy_RowsBeforeABadByteAreYieldedBeforeTheRejection()
    {
        var good = CanonicalCsv.Dossiers(Enumerable.Range(1, 5000).Select(i => new Dictionary<string, string> { ["dossier_code"] = $"H{i}" }).ToArray());
        var path = _folder.WriteBytes("onestop.csv", [.. Encoding.UTF8.GetBytes(good), 0xC0, 0x80, (byte)'\n']);

        var outcomes = SourceFileReader.ReadDossiers(path, null, AsOf);
        Assert.Equal(["H1", "H2", "H3"], outcomes.Take(3).Select(o => o.Record!.DossierCode));
        var e = Assert.Throws<SourceRejectedException>(() => outcomes.Count());
        Assert.StartsWith("không phải văn bản UTF-8 hợp lệ ở dòng 5.002 (vị trí byte ", e.Problem);
        Assert.Contains(" / is not valid UTF-8 text at line 5002 (byte offset ", e.Problem);
    }

    [Fact]
    public void ReadDossiers_MissingFile_NothingHappensUntilEnumerated()
    {
        var outcomes = SourceFileReader.ReadDossiers(Path.Combine(_folder.Path, "none.csv"), null, AsOf);

        Assert.Throws<FileNotFoundException>(() => outcomes.First());
    }

    public void Dispose() => _folder.Dispose();
}
