using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Domain.Index766;

namespace IndicatorWarehouse.Tests.Domain.Index766;

public sealed class Index766RulesTests
{
    private static readonly Index766Rules Shipped = ReferenceFiles.Default().Index766Rules();

    [Fact]
    public void Parse_ShippedFile_HasTheDecisionsGroupsAndMaxima()
    {
        Assert.Equal([("transparency", 18.0), ("progress", 20.0), ("online_service", 22.0), ("digitization", 22.0), ("satisfaction", 18.0)],
            Shipped.Groups.Where(g => !g.IsPortalSplit).Select(g => (g.Code, g.Max)));
        Assert.Equal([("online", 12.0), ("payment", 10.0)], Shipped.Groups.Where(g => g.IsPortalSplit).Select(g => (g.Code, g.Max)));
        Assert.Equal(19, Shipped.Metrics.Count);
    }

    [Fact]
    public void Parse_ShippedFile_MetricMaximaFillEachGroup()
    {
        foreach (var group in Shipped.Groups)
            Assert.Equal(group.Max, Shipped.Metrics.Where(m => (group.IsPortalSplit ? m.Split : m.Group) == group.Code).Sum(m => m.Max));
    }

    [Theory]
    [InlineData(100, "Xuất sắc")]
    [InlineData(90, "Xuất sắc")]
    [InlineData(89.99, "Tốt")]
    [InlineData(80, "Tốt")]
    [InlineData(65, "Khá")]
    [InlineData(64.9, "Trung bình")]
    [InlineData(50, "Trung bình")]
    [InlineData(49.9, "Yếu")]
    [InlineData(0, "Yếu")]
    public void BandFor_Total_IsTheHighestBandReached(double total, string band) =>
        Assert.Equal(band, Shipped.BandFor(total).NameVi);

    [Theory]
    [InlineData("{ code: M, group: g, max: 2, rule: threshold, name_vi: x }", "full_at")]
    [InlineData("{ code: M, group: g, max: 2, rule: linear, full_at: 0.8, name_vi: x }", "full_at")]
    [InlineData("{ code: M, group: nowhere, max: 2, rule: linear, name_vi: x }", "nowhere")]
    [InlineData("{ code: M, group: g, max: 2, rule: cubic, name_vi: x }", "cubic")]
    [InlineData("{ code: M, group: g, max: 2, rule: weighted_sum, name_vi: x }", "terms")]
    [InlineData("{ code: M, group: g, max: 2, rule: linear, when_empty: one, name_vi: x }", "when_empty")]
    [InlineData("{ code: M, group: g, max: 2, rule: linear, typo: 1, name_vi: x }", "typo")]
    public void Parse_RuleThatDoesNotHoldTogether_FailsNamingTheProblem(string metric, string named)
    {
        var yaml = $"rule_version: t\ngroups:\n  - {{ code: g, name_vi: G, max: 2 }}\nmetrics:\n  - {metric}\nrating_bands:\n  - {{ code: b, name_vi: B, min: 0 }}\n";

        var error = Assert.Throws<InvalidDataException>(() => Index766Rules.Parse(new StringReader(yaml)));

        Assert.Contains(named, error.Message);
    }
}
