using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Ingestion;
using IndicatorWarehouse.Ingestion.Readers;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Tests.Ingestion.Support;

namespace IndicatorWarehouse.Tests.Ingestion.Validation;

/// <summary>The seed plans' targets and the hand-reported figures shipped in reference/: every row valid,
/// every code known to the catalog and the agency list.</summary>
public sealed class ReferenceTargetsTests
{
    private static readonly ReferenceFiles Files = new(Reference.Directory);

    private static List<TargetRecord> AllTargets() =>
        Directory.EnumerateFiles(Path.Combine(Reference.Directory, "targets"), "*.csv").SelectMany(file =>
            SourceFileReader.ReadTargets(file, null, DateTime.Now).Select(o =>
                o.Record ?? throw new Xunit.Sdk.XunitException($"{Path.GetFileName(file)} line {o.Line}: {o.Problem!.Reason}"))).ToList();

    [Fact]
    public void Targets_EveryRowValidWithKnownIndicatorAndAgency()
    {
        var catalog = Files.Indicators();
        var agencies = Files.Agencies().Select(a => a.Code).ToHashSet();
        var targets = AllTargets();

        Assert.Equal(55, targets.Count);
        Assert.All(targets, t => Assert.True(catalog.Contains(t.Indicator), t.Indicator));
        Assert.All(targets, t => Assert.Contains(t.AgencyCode, agencies));
        Assert.Equal(["DNA.SNV", "DNA.SYT", "DNG.SYT", "TNI.SYT"], targets.Select(t => t.AgencyCode).Distinct().Order());
    }

    [Fact]
    public void Targets_Seed000SelfContradictions_BothValuesKeptWithTheirClauses()
    {
        var dnaSyt = AllTargets().Where(t => t.AgencyCode == "DNA.SYT").ToList();

        Assert.Equal([("I.1", 98.0), ("II bảng, dòng 3.3", 92.0)],
            dnaSyt.Where(t => t.Indicator == "dossier_satisfaction_rate").Select(t => (t.Clause, t.Value)));
        Assert.Equal([("I.1", 97.0), ("II bảng, dòng 5.1", 90.0)],
            dnaSyt.Where(t => t.Indicator == "pakn_satisfaction_rate").Select(t => (t.Clause, t.Value)));
        Assert.All(dnaSyt, t => Assert.Equal(("2022", "704/KH-SYT 24/01/2022"), (t.Period, t.SourceDocument)));
    }

    [Fact]
    public void Targets_TayNinh766Groups_SumToTheFullHundredPointsAndZeroLateCountsPendingOverdue()
    {
        var tni = AllTargets().Where(t => t.AgencyCode == "TNI.SYT").ToList();

        Assert.Equal(100, tni.Where(t => t.Indicator.StartsWith("index766_")).Sum(t => t.Value));
        // "Không để phát sinh hồ sơ trễ hẹn": late processed + pending overdue, not processed_late alone.
        Assert.Contains(tni, t => t is { Indicator: "late_dossiers", Comparator: "=", Value: 0, Clause: "III.2" });
        Assert.DoesNotContain(tni, t => t.Indicator == "processed_late");
        // The plan is of 11/2025 and applies from then, not from January 2025.
        Assert.All(tni, t => Assert.Equal("2025-11-", t.Period));
    }

    [Theory]
    [InlineData("DNA.SYT", "procedures_published_on_time_rate", "2022", 100, "I.1; II bảng, dòng 2.1")]
    [InlineData("DNA.SYT", "procedures_public_update_on_time_rate", "2022", 100, "II bảng, dòng 2.2–2.3")]
    [InlineData("DNA.SYT", "apology_rate", "2022", 100, "I.2.c")]
    [InlineData("DNA.SNV", "procedures_published_on_time_rate", "2022", 100, "I.1")]
    [InlineData("DNA.SNV", "apology_rate", "2022", 100, "I.2.b")]
    [InlineData("TNI.SYT", "apology_rate", "2025-11-", 100, "IV.3")]
    [InlineData("TNI.SYT", "dossier_sync_rate", "2025-11-", 100, "III.1")]
    [InlineData("TNI.SYT", "online_payment_rate", "2025-11-", 100, "III.3")]
    [InlineData("DNG.SYT", "procedures_portal_connected_rate", "2021-2025", 100, "IV.1.b")]
    [InlineData("DNG.SYT", "online_users_eid_rate", "2021-2025", 100, "IV.1.e")]
    [InlineData("DNG.SYT", "sipas_rate", "2021-2025", 90, "IV.1.c")]
    [InlineData("DNG.SYT", "sipas_rate", "2026-2030", 95, "IV.2.c")]
    [InlineData("DNA.SYT", "on_time_rate_onestop", "2022", 98, "I.1; II bảng, dòng 3.2")]
    [InlineData("DNA.SNV", "on_time_rate_onestop", "2022", 96, "I.1")]
    public void Targets_TheSeedsStateThem_PresentWithDocumentAndClause(string agency, string indicator, string period, double value, string clause)
    {
        var target = Assert.Single(AllTargets(), t => t.AgencyCode == agency && t.Indicator == indicator && t.Period == period);

        Assert.Equal((">=", value, clause), (target.Comparator, target.Value, target.Clause));
        Assert.False(string.IsNullOrWhiteSpace(target.SourceDocument));
    }

    [Fact]
    public void Targets_TheTwoDecisions_AreWrittenWithTheirReasonsInTheTargetFiles()
    {
        string Note(string file, string indicator)
        {
            using var reader = RawRowReader.Open(Path.Combine(Reference.Directory, "targets", file));
            return reader.ReadAll().First(r => r["indicator"] == indicator)["note"] ?? "";
        }

        // The 2022 Đồng Nai plans predate Decision 766: their on-time rate is the one-stop rule's.
        Assert.Contains("766", Note("dna-syt-704-kh-syt-2022.csv", "on_time_rate_onestop"));
        Assert.Contains("một cửa", Note("dna-snv-kh-snv-2022.csv", "on_time_rate_onestop"));
        Assert.DoesNotContain(AllTargets(), t => t.AgencyCode.StartsWith("DNA.") && t.Indicator == "on_time_rate_766");
        // The Tây Ninh plan of 11/2025 applies from its own month.
        Assert.Contains("11/2025", Note("tni-syt-kh-bo-chi-so-2025.csv", "index766_progress"));
    }

    [Fact]
    public void Figures_Seed003_WellFormedRowsForBaRiaVungTau()
    {
        var file = Directory.EnumerateFiles(Path.Combine(Reference.Directory, "figures"), "*.csv").Single();
        using var reader = RawRowReader.Open(file);
        var rows = reader.ReadAll().ToList();

        Assert.Equal(["agency_code", "indicator", "period", "value", "source_document", "clause"], reader.Header!.Names);
        Assert.All(rows, r => Assert.Equal(("BRV.SYT", "2022-Q1"), (r["agency_code"], r["period"])));
        Assert.Equal(126, int.Parse(rows.Single(r => r["indicator"] == "procedures_at_centre")["value"]!));
        Assert.Equal(50 + 76, rows.Where(r => r["indicator"] is "procedures_online_partial" or "procedures_online_full").Sum(r => int.Parse(r["value"]!)));
    }
}
