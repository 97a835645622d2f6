using IndicatorWarehouse.Reporting.Formatting;

namespace IndicatorWarehouse.Tests.Reporting.Formatting;

public sealed class ReportStatusTests
{
    [Theory]
    [InlineData("dat", ReportStatus.Met)]
    [InlineData("chua_dat", ReportStatus.NotMet)]
    [InlineData("nguy_co", ReportStatus.AtRisk)]
    [InlineData("khong_co_du_lieu", ReportStatus.NoData)]
    public void FromCode_EveryStoredCode_MapsToItsColour(string code, ReportStatus expected) =>
        Assert.Equal(expected, ReportStatuses.FromCode(code));

    [Fact]
    public void FromCode_NoTarget_IsNoStatusRatherThanNoData() => Assert.Null(ReportStatuses.FromCode(null));

    [Fact]
    public void FromCode_UnknownCode_IsRefused() => Assert.Throws<ArgumentException>(() => ReportStatuses.FromCode("ok"));
}
