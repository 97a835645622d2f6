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
    [InlineData("state", "waiting_publish", "expected waiting, processing, handled, refused, returned, published")]
    [InlineData("category", "complaint", "expected procedure, conduct, other")]
    [InlineData("reaction", "😀", "expected like, dislike")]
    [InlineData("channel", "Tổng đài 1022", "not a channel code")]
    [InlineData("handled_at", "2026-09-30T10:00:00", "is before received_at 01/10/2026 09:00")]
    [InlineData("received_at", "2026-11-01T00:00:00", "after the snapshot's as-of time")]
    [InlineData("feedback_code", "", "is empty")]
    [InlineData("due_at", "15/10/2026", "not an ISO date")]
    public void ReadPakn_BadValue_Quarantined(string field, string text, string reason)
    {
        var outcome = Pakn(new() { [field] = text });

        Assert.Equal(field, outcome.Problem!.Field);
        Assert.Contains(reason, outcome.Problem.Reason);
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
    [InlineData("documents_digitized", "ba", "not a whole number")]
    [InlineData("documents_submitted", "-1", "negative")]
    [InlineData("result_electronic", "2", "expected 0 or 1")]
    [InlineData("agency_code", "", "is empty")]
    public void ReadDigitization_BadValue_Quarantined(string field, string text, string reason)
    {
        var outcome = Digitization(new() { [field] = text });

        Assert.Equal(field, outcome.Problem!.Field);
        Assert.Contains(reason, outcome.Problem.Reason);
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
    [InlineData("period", "2026-13", "not a target period")]
    [InlineData("period", "2025-2021", "not a target period")]
    [InlineData("period", "Q1/2026", "not a target period")]
    [InlineData("comparator", ">", "expected >=, <= or =")]
    [InlineData("value", "sáu mươi", "not a number")]
    [InlineData("value", "", "is empty")]
    [InlineData("indicator", "Online Rate", "not an indicator code")]
    [InlineData("clause", "", "is empty")]
    [InlineData("source_document", "", "is empty")]
    public void ReadTargets_BadValue_Quarantined(string field, string text, string reason)
    {
        var outcome = Target(new() { [field] = text });

        Assert.Equal(field, outcome.Problem!.Field);
        Assert.Contains(reason, outcome.Problem.Reason);
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
        Assert.Contains("'clause'", e.Problem);
    }

    public void Dispose() => _folder.Dispose();
}
