using System.Text.Json;
using IndicatorWarehouse.Ingestion;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Tests.Ingestion.Support;

namespace IndicatorWarehouse.Tests.Ingestion.Profiles;

/// <summary>The shipped profiles read their shipped sample files into the records a person reading the
/// files would expect.</summary>
public sealed class ShippedProfileTests
{
    private static readonly DateTime AsOf = new(2026, 10, 31, 17, 0, 0);

    private static List<DossierRecord> Dossiers(string sample, string? profile)
    {
        var outcomes = SourceFileReader.ReadDossiers(Reference.Sample(sample), profile is null ? null : Reference.Profiles.Get(profile), AsOf).ToList();
        Assert.All(outcomes, o => Assert.True(o.IsValid, $"line {o.Line}: {o.Problem?.Reason}"));
        return outcomes.Select(o => o.Record!).ToList();
    }

    [Fact]
    public void Catalog_ShippedFolder_HoldsTheThreeVendorProfiles()
    {
        Assert.Equal(
            [("dvcqg-sync", SourceKind.Onestop), ("mot-cua-excel", SourceKind.Onestop), ("pakn-he-thong", SourceKind.Pakn)],
            Reference.Profiles.All.Select(p => (p.Name, p.Kind)));
    }

    [Fact]
    public void MotCuaExcel_XlsxSample_VietnameseNamesAndDateCellsBecomeCanonicalValues()
    {
        var dossiers = Dossiers("mot-cua-excel.xlsx", "mot-cua-excel");

        Assert.Equal(20, dossiers.Count);
        var late = dossiers.Single(d => d.DossierCode == "000.00.14.H57-261002-0114");
        Assert.Equal("1.001907", late.ProcedureCode);
        Assert.Equal("An toàn thực phẩm", late.FieldName);
        Assert.Equal(("TNI.SYT", "Sở Y tế Tây Ninh", 2), (late.AgencyCode, late.AgencyName, late.ApplicantType));
        Assert.Equal(new DateTime(2026, 10, 2, 14, 15, 0), late.ReceivedAt);
        Assert.Equal(new DateTime(2026, 10, 16, 17, 0, 0), late.DueAt);
        Assert.Equal(new DateTime(2026, 10, 19, 16, 0, 0), late.FinishedAt);
        Assert.Equal(new DateTime(2026, 10, 20, 8, 0, 0), late.ReturnedAt);
        Assert.Equal((10, 1, "mot_phan"), (late.Status, late.Channel, late.OnlineService));
        Assert.Equal((1_000_000m, 0, 1, 2.5m), (late.FeeAmount, late.PaidOnline, late.SupplementRequests, late.SupplementWaitDays));
        Assert.True(late.ApologyIssued);
        Assert.Equal("Chờ kết quả thẩm định cơ sở", late.LateReason);
        Assert.Equal("dislike", late.CitizenRating);
        var fresh = dossiers.Single(d => d.DossierCode == "000.00.03.H57-261009-0233");
        Assert.Equal((1, 2, (string?)null), (fresh.Status, fresh.Channel, fresh.CitizenRating));
        Assert.Equal(3, dossiers.Single(d => d.DossierCode == "000.00.14.H57-261009-0226").Channel);
    }

    [Fact]
    public void MotCuaExcel_CsvTwin_SameRecordsAsTheWorkbook()
    {
        Assert.Equal(Dossiers("mot-cua-excel.xlsx", "mot-cua-excel"), Dossiers("mot-cua-excel.csv", "mot-cua-excel"));
    }

    [Fact]
    public void DvcqgSync_JsonSample_PortalFieldsAndCompactDatesBecomeCanonicalValues()
    {
        var dossiers = Dossiers("dvcqg-sync.json", "dvcqg-sync");

        Assert.Equal(12, dossiers.Count);
        var late = dossiers.Single(d => d.DossierCode == "000.00.14.H57-261013-0114");
        Assert.Equal(new DateTime(2026, 10, 13, 10, 40, 0), late.ReceivedAt);
        Assert.Equal(new DateTime(2026, 10, 28, 15, 0, 0), late.FinishedAt);
        Assert.Null(late.ReturnedAt);
        Assert.Null(late.Channel);
        Assert.Equal((9, "mot_phan", 1_000_000m), (late.Status, late.OnlineService, late.FeeAmount));
        Assert.Equal((1, 1m, true, "dislike"), (late.SupplementRequests, late.SupplementWaitDays, late.ApologyIssued, late.CitizenRating));
        var paid = dossiers.Single(d => d.DossierCode == "000.00.03.H57-261012-0128");
        Assert.Equal((2, 600_000m, "like"), (paid.PaidOnline, paid.FeeAmount, paid.CitizenRating));
        Assert.Equal("toan_trinh", dossiers.Single(d => d.DossierCode == "000.00.14.H57-261012-0100").OnlineService);
    }

    [Fact]
    public void DvcqgSync_NestedSupplementList_KeptInTheRawJson()
    {
        var outcome = SourceFileReader.ReadDossiers(Reference.Sample("dvcqg-sync.json"), Reference.Profiles.Get("dvcqg-sync"), AsOf)
            .Single(o => o.Record!.DossierCode == "000.00.14.H57-261013-0114");

        using var raw = JsonDocument.Parse(outcome.RawJson);
        Assert.Contains("Bổ sung bản sao giấy tờ còn thiếu", raw.RootElement.GetProperty("DanhSachHoSoBoSung").GetString());
        Assert.Equal("20261013104000", raw.RootElement.GetProperty("NgayTiepNhan").GetString());
    }

    [Fact]
    public void PaknHeThong_CsvSample_NamesBecomeCodes()
    {
        var outcomes = SourceFileReader.ReadPakn(Reference.Sample("pakn-he-thong.csv"), Reference.Profiles.Get("pakn-he-thong"), AsOf).ToList();

        Assert.All(outcomes, o => Assert.True(o.IsValid, o.Problem?.Reason));
        var records = outcomes.Select(o => o.Record!).ToList();
        Assert.Equal(12, records.Count);
        var first = records[0];
        Assert.Equal(("PAKN-2026-001842", "TNI.SYT", "national_portal", "procedure"), (first.FeedbackCode, first.AgencyCode, first.Channel, first.Category));
        Assert.Equal(new DateTime(2026, 10, 1, 9, 12, 0), first.ReceivedAt);
        Assert.Equal(new DateTime(2026, 10, 16, 9, 0, 0), first.PublishedAt);
        Assert.Equal(("published", "like"), (first.State, first.Reaction));
        var awaitingPublication = records.Single(r => r.FeedbackCode == "PAKN-2026-001889");
        Assert.Equal(("handled", "conduct"), (awaitingPublication.State, awaitingPublication.Category));
        Assert.Null(records.Single(r => r.FeedbackCode == "PAKN-2026-001843").DueAt);
    }

    [Fact]
    public void PaknHeThong_SameFeedbackAsTheCanonicalSample()
    {
        var vendor = SourceFileReader.ReadPakn(Reference.Sample("pakn-he-thong.csv"), Reference.Profiles.Get("pakn-he-thong"), AsOf).Select(o => o.Record);
        var canonical = SourceFileReader.ReadPakn(Reference.Sample("pakn.csv"), null, AsOf).Select(o => o.Record);

        Assert.Equal(canonical.ToList(), vendor.ToList());
    }

    [Fact]
    public void CanonicalSamples_EveryRowValid()
    {
        var onestop = Dossiers("onestop.csv", null);
        var digitization = SourceFileReader.ReadDigitization(Reference.Sample("digitization.csv"), null, AsOf).ToList();
        var targets = SourceFileReader.ReadTargets(Reference.Sample("targets.csv"), null, AsOf).ToList();

        Assert.Equal(15, onestop.Count);
        Assert.All(digitization, o => Assert.True(o.IsValid, o.Problem?.Reason));
        Assert.All(targets, o => Assert.True(o.IsValid, o.Problem?.Reason));
        Assert.Subset(onestop.Select(d => d.DossierCode).ToHashSet(), digitization.Select(o => o.Record!.DossierCode).ToHashSet());
        Assert.Null(onestop.Single(d => d.DossierCode == "000.15.30.H57-261001-0163").Channel);
        Assert.Contains(targets, t => t.Record! is { AgencyCode: "*", Indicator: "on_time_rate_766", Period: "2026", Value: 98 });
    }
}
