using IndicatorWarehouse.Ingestion;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Tests.Ingestion.Support;

namespace IndicatorWarehouse.Tests.Ingestion.Validation;

public sealed class PaknDigitizationTargetValidationTests : IDisposable
{
    private static readonly DateTime AsOf = new(2026, 10, 31, 17, 0, 0);
    private readonly TempFolder _folder = new();

    private RowOutcome<PaknRecord> Pakn(Dictionary<string, string> change) => Assert.Single(SourceFileReader.ReadPakn(
        _folder.Write("pakn.csv", CanonicalCsv.Rows(CanonicalSchema.Pakn, CanonicalCsv.ValidPakn, change)), null, AsOf));

    private RowOutcome<DigitizationRecord> Digitization(Dictionary<string, string> change) => Assert.Single(SourceFileReader.ReadDigitization(
        _folder.Write("digitization.csv", CanonicalCsv.Rows(CanonicalSchema.Digitization, CanonicalCsv.ValidDigitization, change)), null, AsOf));

    private RowOutcome<TargetRecord> Target(Dictionary<string, string> change) => Assert.Single(SourceFileReader.ReadTargets(
        _folder.Write("targets.csv", CanonicalCsv.Rows(CanonicalSchema.Targets, CanonicalCsv.ValidTarget, change)), null, AsOf));

    [Fact]
    public void ReadPakn_ValidRow_TypedRecord()
    {
        var p = Pakn([]).Record!;

        Assert.Equal(new PaknRecord("PAKN-1", "TNI.SYT", "hotline_1022", "procedure", new DateTime(2026, 10, 1, 9, 0, 0),
            new DateTime(2026, 10, 2, 8, 0, 0), null, new DateTime(2026, 10, 10, 10, 0, 0), "handled", null, "dislike"), p);
    }

    [Theory]
    [InlineData("state", "waiting_publish", "'waiting_publish' không phải giá trị được chấp nhận; chỉ nhận waiting, processing, handled, refused, "
        + "returned, published / 'waiting_publish' is not a known value; expected waiting, processing, handled, refused, returned, published")]
    [InlineData("category", "complaint",
        "'complaint' không phải giá trị được chấp nhận; chỉ nhận procedure, conduct, other / 'complaint' is not a known value; expected procedure, conduct, other")]
    [InlineData("reaction", "😀", "'😀' không phải giá trị được chấp nhận; chỉ nhận like, dislike / '😀' is not a known value; expected like, dislike")]
    [InlineData("channel", "Tổng đài 1022", "'Tổng đài 1022' không phải mã kênh (national_portal, hotline_1022, provincial_portal, zalo, in_person, …) / "
        + "'Tổng đài 1022' is not a channel code (national_portal, hotline_1022, provincial_portal, zalo, in_person, …)")]
    [InlineData("handled_at", "2026-09-30T10:00:00",
        "30/09/2026 10:00 sớm hơn received_at (01/10/2026 09:00) / 30/09/2026 10:00 is before received_at 01/10/2026 09:00")]
    [InlineData("received_at", "2026-11-01T00:00:00",
        "01/11/2026 sau thời điểm dữ liệu của lô (31/10/2026 17:00) / 01/11/2026 is after the snapshot's as-of time 31/10/2026 17:00")]
    [InlineData("feedback_code", "", "trống nhưng bắt buộc phải có / is empty, but every record needs it")]
    [InlineData("due_at", "15/10/2026", "'15/10/2026' không phải ngày hợp lệ (dạng yyyy-MM-dd hoặc yyyy-MM-ddTHH:mm:ss) / "
        + "'15/10/2026' is not an ISO date (yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss)")]
    public void ReadPakn_BadValue_Quarantined(string field, string text, string reason)
    {
        var outcome = Pakn(new() { [field] = text });

        Assert.Equal(field, outcome.Problem!.Field);
        Assert.Equal($"{field}: {reason}", outcome.Problem.Reason);
    }

    [Fact]
    public void ReadPakn_UnlistedButWellFormedChannel_Kept()
    {
        Assert.Equal("email", Pakn(new() { ["channel"] = "email" }).Record!.Channel);
    }

    [Fact]
    public void ReadDigitization_EmptyCountsAndFlags_NoneExceptResultFlagsWhichStayUnknown()
    {
        var d = Digitization(new()
        {
            ["documents_submitted"] = "", ["documents_digitized"] = "", ["documents_reused"] = "", ["from_personal_store"] = "",
            ["population_db_used"] = "", ["result_required"] = "", ["result_electronic"] = "", ["result_file_url"] = "",
        }).Record!;

        Assert.Equal(new DigitizationRecord("H57.22-261008-0975", "TNI.SYT", 0, 0, 0, false, false, null, null, null), d);
    }

    [Theory]
    [InlineData("documents_digitized", "ba", "'ba' không phải số nguyên / 'ba' is not a whole number")]
    [InlineData("documents_submitted", "-1", "'-1' là số âm / '-1' is negative")]
    [InlineData("result_electronic", "2", "'2' không phải giá trị có/không; chỉ nhận 0 hoặc 1 / '2' is not a yes/no flag; expected 0 or 1")]
    [InlineData("agency_code", "", "trống nhưng bắt buộc phải có / is empty, but every record needs it")]
    public void ReadDigitization_BadValue_Quarantined(string field, string text, string reason)
    {
        var outcome = Digitization(new() { [field] = text });

        Assert.Equal(field, outcome.Problem!.Field);
        Assert.Equal($"{field}: {reason}", outcome.Problem.Reason);
    }

    [Theory]
    [InlineData("2022")]
    [InlineData("2021-2025")]
    [InlineData("2025-")]
    [InlineData("2026-Q1")]
    [InlineData("2026-H2")]
    [InlineData("2026-10")]
    public void ReadTargets_PeriodForms_Accepted(string period)
    {
        Assert.Equal(period, Target(new() { ["period"] = period }).Record!.Period);
    }

    [Theory]
    [InlineData("comparator", ">", "'>' không phải phép so sánh; chỉ nhận >=, <= hoặc = / '>' is not a comparator; expected >=, <= or =")]
    [InlineData("comparator", "", "trống nhưng bắt buộc phải có / is empty, but every record needs it")]
    [InlineData("value", "sáu mươi", "'sáu mươi' không phải số hợp lệ (dấu thập phân là dấu chấm, ví dụ 150000.5) / "
        + "'sáu mươi' is not a number (decimal point, e.g. 150000.5)")]
    [InlineData("value", "", "trống nhưng bắt buộc phải có / is empty, but every record needs it")]
    [InlineData("indicator", "Online Rate", "'Online Rate' không phải mã chỉ tiêu (chỉ gồm chữ thường không dấu, chữ số và _) / "
        + "'Online Rate' is not an indicator code (lower-case letters, digits and _)")]
    [InlineData("clause", "", "trống nhưng bắt buộc phải có / is empty, but every record needs it")]
    [InlineData("source_document", "", "trống nhưng bắt buộc phải có / is empty, but every record needs it")]
    public void ReadTargets_BadValue_Quarantined(string field, string text, string reason)
    {
        var outcome = Target(new() { [field] = text });

        Assert.Equal(field, outcome.Problem!.Field);
        Assert.Equal($"{field}: {reason}", outcome.Problem.Reason);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2025-2021")]
    [InlineData("Q1/2026")]
    [InlineData("2025-13-")]
    public void ReadTargets_MalformedPeriod_QuarantinedNamingTheForms(string period)
    {
        var outcome = Target(new() { ["period"] = period });

        Assert.Equal("period", outcome.Problem!.Field);
        Assert.Equal($"period: '{period}' không phải kỳ chỉ tiêu hợp lệ; dùng 2022, 2021-2025, 2025- (từ 2025 trở đi), "
            + "2025-11- (từ tháng 11/2025 trở đi), 2026-H1, 2026-Q1 hoặc 2026-10 / "
            + $"'{period}' is not a target period; use 2022, 2021-2025, 2025- (from 2025 on), 2025-11- (from November 2025 on), "
            + "2026-H1, 2026-Q1 or 2026-10", outcome.Problem.Reason);
    }

    [Fact]
    public void ReadTargets_MathematicalComparatorAndEveryUnit_Normalized()
    {
        var t = Target(new() { ["agency_code"] = "*", ["comparator"] = "≥", ["value"] = "97.5" }).Record!;

        Assert.Equal(new TargetRecord("*", "online_rate", "2022", ">=", 97.5, "704/KH-SYT 24/01/2022", "I.1"), t);
    }

    [Fact]
    public void ReadTargets_ClauseColumnMissing_Rejected()
    {
        var path = _folder.Write("targets.csv", "agency_code,indicator,period,comparator,value,source_document\nDNA.SYT,online_rate,2022,>=,60,704\n");

        var e = Assert.Throws<SourceRejectedException>(() => SourceFileReader.ReadTargets(path, null, AsOf).ToList());
        Assert.Equal("thiếu cột bắt buộc 'clause'; dòng tiêu đề có: agency_code, indicator, period, comparator, value, source_document / "
            + "the required column 'clause' is missing; the header has: agency_code, indicator, period, comparator, value, source_document", e.Problem);
    }

    public void Dispose() => _folder.Dispose();
}
