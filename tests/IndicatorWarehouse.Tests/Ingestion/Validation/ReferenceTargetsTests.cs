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

        Assert.Equal(41, targets.Count);
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
    public void Targets_TayNinh766Groups_SumToTheFullHundredPointsAndZeroLate()
    {
        var tni = AllTargets().Where(t => t.AgencyCode == "TNI.SYT").ToList();

        Assert.Equal(100, tni.Where(t => t.Indicator.StartsWith("index766_")).Sum(t => t.Value));
        Assert.Contains(tni, t => t is { Indicator: "processed_late", Comparator: "=", Value: 0 });
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
