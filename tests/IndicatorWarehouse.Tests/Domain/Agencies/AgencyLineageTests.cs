using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Domain.Agencies;

namespace IndicatorWarehouse.Tests.Domain.Agencies;

public sealed class AgencyLineageTests
{
    private static readonly DateOnly March2025 = new(2025, 3, 1);

    private static LineageLink Link(string to, double share) => new("TNI.SLDTBXH", to, March2025, share, null);

    private static LineageTransfer Transfer(string to, string? field = null, string? procedure = null) =>
        new("TNI.SLDTBXH", to, field, procedure, null);

    [Fact]
    public void SuccessorOf_ProcedureBeforeFieldBeforeDefault()
    {
        var lineage = new AgencyLineage([Link("TNI.SNV", 0.87), Link("TNI.SYT", 0.13)],
            [Transfer("TNI.SNV"), Transfer("TNI.SYT", field: "BTXH"), Transfer("TNI.SNV", procedure: "1.001776")]);

        Assert.Equal("TNI.SYT", lineage.SuccessorOf("TNI.SLDTBXH", "1.000001", "BTXH"));
        Assert.Equal("TNI.SNV", lineage.SuccessorOf("TNI.SLDTBXH", "1.001776", "BTXH"));
        Assert.Equal("TNI.SNV", lineage.SuccessorOf("TNI.SLDTBXH", "1.000002", "VIECLAM"));
        Assert.Null(lineage.SuccessorOn("TNI.SLDTBXH", "1.000002", "BTXH", March2025.AddDays(-1)));
        Assert.Equal("TNI.SYT", lineage.SuccessorOn("TNI.SLDTBXH", "1.000002", "BTXH", March2025));
    }

    [Theory]
    [InlineData(0.6, 0.6, true, "cộng lại 1,2")]
    [InlineData(0.87, 0.13, false, "chưa có lĩnh vực")]
    public void New_SplitThatCannotBeAppliedExactly_IsRefusedNamingTheUnit(double snv, double syt, bool withTransfers, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => new AgencyLineage([Link("TNI.SNV", snv), Link("TNI.SYT", syt)],
            withTransfers ? [Transfer("TNI.SNV"), Transfer("TNI.SYT", field: "BTXH")] : []));
        Assert.Contains("TNI.SLDTBXH", e.Message);
        Assert.Contains(message, e.Message.Replace('.', ','));
    }

    [Fact]
    public void New_TransferToAUnitThatIsNotASuccessorOrWithoutDefault_IsRefused()
    {
        LineageLink[] links = [Link("TNI.SNV", 0.87), Link("TNI.SYT", 0.13)];

        Assert.Contains("không có liên kết", Assert.Throws<InvalidDataException>(() =>
            new AgencyLineage(links, [Transfer("TNI.SNV"), Transfer("TNI.SGDDT", field: "GDNN")])).Message);
        Assert.Contains("dòng mặc định", Assert.Throws<InvalidDataException>(() =>
            new AgencyLineage(links, [Transfer("TNI.SYT", field: "BTXH")])).Message);
    }

    [Fact]
    public void Shipped_Transfers_LoadAndSendSocialProtectionAndChildrenToTheHealthDepartment()
    {
        var lineage = ReferenceFiles.Default().Lineage();

        foreach (var province in new[] { "TNI", "LAN" })
        {
            Assert.Equal($"{province}.SYT", lineage.SuccessorOf($"{province}.SLDTBXH", "1.0", "BTXH"));
            Assert.Equal($"{province}.SYT", lineage.SuccessorOf($"{province}.SLDTBXH", "1.0", "TREEM"));
            Assert.Equal($"{province}.SNV", lineage.SuccessorOf($"{province}.SLDTBXH", "1.0", "VIECLAM"));
        }
    }
}
