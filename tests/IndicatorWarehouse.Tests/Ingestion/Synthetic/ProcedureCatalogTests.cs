using IndicatorWarehouse.Ingestion.Synthetic;

namespace IndicatorWarehouse.Tests.Ingestion.Synthetic;

public sealed class ProcedureCatalogTests
{
    private readonly IReadOnlyList<Procedure> _all = new ProcedureCatalog().All;

    [Fact]
    public void All_IsAProvinceSizedSubsetWithUniqueNationalCodes()
    {
        Assert.InRange(_all.Count, 300, 600);
        Assert.Equal(_all.Count, _all.Select(p => p.Code).Distinct().Count());
        Assert.All(_all, p => Assert.Matches(@"^[12]\.\d{6}$", p.Code));
        Assert.All(_all.Where(p => p.Sector == "commune"), p => Assert.StartsWith("2.", p.Code));
        Assert.Contains(_all, p => p.Name == "Cấp giấy phép hành nghề khám bệnh, chữa bệnh" && p.FieldName == "Khám bệnh, chữa bệnh");
    }

    [Fact]
    public void All_SameOnEveryConstruction()
    {
        Assert.Equal(_all, new ProcedureCatalog().All);
    }

    [Fact]
    public void All_MixFeesResultsAndOnlineServicesThatImproveOverTheYears()
    {
        Assert.Contains(_all, p => p.Fee == 0);
        Assert.Contains(_all, p => p.Fee > 0);
        Assert.Contains(_all, p => !p.ResultRequired);
        double Offered(int year) => _all.Count(p => p.OnlineService(year) != Procedure.NoOnline) / (double)_all.Count;
        double Full(int year) => _all.Count(p => p.OnlineService(year) == Procedure.FullyOnline) / (double)_all.Count;
        Assert.InRange(Offered(2021), 0.35, 0.65);
        Assert.InRange(Offered(2026), 0.85, 0.99);
        Assert.True(Full(2026) > 2 * Full(2021));
        Assert.All(_all, p => Assert.True(p.PartlyOnlineFrom <= p.FullyOnlineFrom));
    }
}
