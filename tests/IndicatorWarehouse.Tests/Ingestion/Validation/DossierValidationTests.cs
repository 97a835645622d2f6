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
        Assert.Equal($"{field}: is empty, but every record needs it", outcome.Problem.Reason);
    }

    [Theory]
    [InlineData("late_reason", 1000)]
    [InlineData("procedure_name", 1000)]
    [InlineData("agency_name", 300)]
    public void ReadDossiers_TextLongerThanTheWarehouseKeeps_QuarantinedWithItsLengthAndTheLimit(string field, int limit)
    {
        var fits = ReadOne(new() { [field] = new string('x', limit) });
        var outcome = ReadOne(new() { [field] = new string('x', limit + 1) });

        Assert.True(fits.IsValid);
        Assert.Equal(field, outcome.Problem!.Field);
        Assert.Equal($"{field}: is {limit + 1} characters long; the warehouse keeps at most {limit}", outcome.Problem.Reason);
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
        Assert.Equal($"{field}: '{text}' is not an ISO date (yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss)", outcome.Problem.Reason);
        Assert.Equal("H57.22-261008-0975", outcome.Problem.RecordKey);
    }

    [Fact]
    public void ReadDossiers_DateBefore2000_QuarantinedAsImplausible()
    {
        var outcome = ReadOne(new() { ["received_at"] = "1900-01-01", ["finished_at"] = "", ["returned_at"] = "" });

        Assert.Contains("not a plausible date", outcome.Problem!.Reason);
    }

    [Fact]
    public void ReadDossiers_ReceivedAfterAsOf_Quarantined()
    {
        var outcome = ReadOne(new() { ["received_at"] = "2026-11-02T08:00:00", ["finished_at"] = "", ["returned_at"] = "" });

        Assert.Equal("received_at", outcome.Problem!.Field);
        Assert.Equal("received_at: 02/11/2026 08:00 is after the snapshot's as-of time 31/10/2026 17:00", outcome.Problem.Reason);
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
        Assert.Equal("finished_at: 07/10/2026 16:00 is before received_at 08/10/2026 09:15", outcome.Problem.Reason);
    }

    [Theory]
    [InlineData("fee_amount", "500,000", "not a number (decimal point")]
    [InlineData("fee_amount", "năm trăm", "not a number")]
    [InlineData("fee_amount", "-5", "negative")]
    [InlineData("supplement_wait_days", "2,5", "not a number (decimal point, e.g. 150000.5)")]
    [InlineData("supplement_requests", "1.5", "not a whole number")]
    public void ReadDossiers_BadNumber_Quarantined(string field, string text, string reason)
    {
        var outcome = ReadOne(new() { [field] = text });

        Assert.Equal(field, outcome.Problem!.Field);
        Assert.Contains(reason, outcome.Problem.Reason);
    }

    [Theory]
    [InlineData("status", "11", "expected 1–10")]
    [InlineData("status", "Đã trả kết quả", "expected 1–10")]
    [InlineData("channel", "4", "expected 1, 2 or 3")]
    [InlineData("paid_online", "3", "expected 0, 1 or 2")]
    [InlineData("applicant_type", "0", "expected 1 or 2")]
    [InlineData("online_service", "muc_do_4", "expected toan_trinh, mot_phan, none")]
    [InlineData("citizen_rating", "ok", "expected like, dislike")]
    [InlineData("apology_issued", "yes", "expected 0 or 1")]
    public void ReadDossiers_UnknownCode_Quarantined(string field, string text, string expected)
    {
        var outcome = ReadOne(new() { [field] = text });

        Assert.Equal(field, outcome.Problem!.Field);
        Assert.StartsWith($"{field}: '{text}' is not", outcome.Problem.Reason);
        Assert.Contains(expected, outcome.Problem.Reason);
    }

    [Fact]
    public void ReadDossiers_SeveralProblems_FirstInFieldOrderReported()
    {
        var outcome = ReadOne(new() { ["agency_code"] = "", ["status"] = "99" });

        Assert.Equal("agency_code", outcome.Problem!.Field);
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
        Assert.Contains("has 23 values but the header has 22 columns", outcome.Problem.Reason);
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
        Assert.Contains("required column 'received_at' is missing", e.Problem);
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
        Assert.Contains("maps pakn files, not onestop", e.Problem);
    }

    [Fact]
    public void ReadDossiers_IsLazy_RowsBeforeABadByteAreYieldedBeforeTheRejection()
    {
        var good = CanonicalCsv.Dossiers(Enumerable.Range(1, 5000).Select(i => new Dictionary<string, string> { ["dossier_code"] = $"H{i}" }).ToArray());
        var path = _folder.WriteBytes("onestop.csv", [.. Encoding.UTF8.GetBytes(good), 0xC0, 0x80, (byte)'\n']);

        var outcomes = SourceFileReader.ReadDossiers(path, null, AsOf);
        Assert.Equal(["H1", "H2", "H3"], outcomes.Take(3).Select(o => o.Record!.DossierCode));
        var e = Assert.Throws<SourceRejectedException>(() => outcomes.Count());
        Assert.Contains("line 5002", e.Problem);
    }

    [Fact]
    public void ReadDossiers_MissingFile_NothingHappensUntilEnumerated()
    {
        var outcomes = SourceFileReader.ReadDossiers(Path.Combine(_folder.Path, "none.csv"), null, AsOf);

        Assert.Throws<FileNotFoundException>(() => outcomes.First());
    }

    public void Dispose() => _folder.Dispose();
}
