using IndicatorWarehouse.Application.Exports;
using IndicatorWarehouse.Warehouse.Queries;

namespace IndicatorWarehouse.Tests.Exports;

public sealed class Bieu06ServiceTests(Bieu06Scenario scenario) : IClassFixture<Bieu06Scenario>
{
    /// <summary>The contract's count indicators, in the form's column order.</summary>
    private static readonly string[] Indicators =
    [
        "received_total", "received_online", "received_offline", "carried_over", "processed_total", "processed_early",
        "processed_on_time", "processed_late", "pending_total", "pending_within_due", "pending_overdue",
    ];

    [Theory]
    [InlineData("2026-07")]
    [InlineData("2026-08")]
    [InlineData("2026-09")]
    [InlineData("2026-Q3")]
    [InlineData("2026-H2")]
    [InlineData("2026")]
    [InlineData("R2026-Q3")]
    [InlineData("R2026-10")]
    public async Task Build_AnyPeriod_UnitRowsEqualTheMeasureBuild(string period)
    {
        var report = await scenario.ReportAsync(period);

        var units = report.Rows.Where(r => r.Kind == Bieu06RowKind.Unit).ToList();
        Assert.NotEmpty(units);
        foreach (var unit in units)
        {
            var built = await scenario.Probe.ValuesAsync(period, unit.AgencyCode!);
            Assert.Equal(Indicators.Select(i => (long?)built[i].Num), Counts(unit.Counts).Select(c => (long?)c));
        }
        foreach (var agency in new[] { Bieu06Scenario.Department, Bieu06Scenario.Commune, Bieu06Scenario.OtherProvince })
            Assert.Equal((await scenario.Probe.ValuesAsync(period, agency)).ContainsKey("received_total"), units.Any(u => u.AgencyCode == agency));
    }

    [Fact]
    public async Task Build_Quarter_CountsFollowTheContractRules()
    {
        var report = await scenario.ReportAsync("2026-Q3");

        Assert.Equal(Bieu06Scenario.DepartmentQ3, Counts(Unit(report, Bieu06Scenario.Department).Counts));
        Assert.Equal(Bieu06Scenario.CommuneQ3, Counts(Unit(report, Bieu06Scenario.Commune).Counts));
        var fields = report.Rows.Where(r => r.Kind == Bieu06RowKind.Field && r.AgencyCode == Bieu06Scenario.Department)
            .ToDictionary(r => r.FieldCode!, r => r.Counts.ReceivedTotal);
        Assert.Equal(new Dictionary<string, long> { ["DUOC"] = 3, ["KCB"] = 4 }, fields);
    }

    [Fact]
    public async Task Build_AllUnits_FieldsAddUpToUnitsUnitsToLevelsAndLevelsToTheTotal()
    {
        var report = await scenario.ReportAsync("2026-Q3");

        Assert.Equal(Bieu06RowKind.Total, report.Total.Kind);
        Assert.Equal(Bieu06Counts.Sum(report.Rows.Where(r => r.Kind == Bieu06RowKind.Level).Select(r => r.Counts)), report.Total.Counts);
        for (var i = 0; i < report.Rows.Count - 1; i++)
        {
            var row = report.Rows[i];
            var children = report.Rows.Skip(i + 1).TakeWhile(r => r.Kind > row.Kind && r.Kind != Bieu06RowKind.Total)
                .Where(r => r.Kind == row.Kind + 1).Select(r => r.Counts).ToList();
            if (row.Kind != Bieu06RowKind.Field)
            {
                Assert.NotEmpty(children);
                Assert.Equal(Bieu06Counts.Sum(children), row.Counts);
            }
        }
        Assert.Equal(
            ["I", "1", "1.1", "1.2", "2", "2.1", "II", "1", "1.1", ""],
            report.Rows.Select(r => r.Number));
        Assert.Equal(["Cấp sở, ban, ngành", "Cấp xã"],
            report.Rows.Where(r => r.Kind == Bieu06RowKind.Level).Select(r => r.Label));
        Assert.Equal(["Dược phẩm", "Khám bệnh, chữa bệnh"],
            report.Rows.Where(r => r.Kind == Bieu06RowKind.Field && r.AgencyCode == Bieu06Scenario.Department).Select(r => r.Label));
        Assert.Equal(Bieu06Rows.UnknownField, report.Rows.Single(r => r.Kind == Bieu06RowKind.Field && r.AgencyCode == Bieu06Scenario.Commune).Label);
    }

    [Fact]
    public async Task Build_ProvinceFilter_ReportsForTheProvincesCommitteeWithOnlyItsUnits()
    {
        var report = await scenario.ReportAsync("2026-Q3", province: "TNI");

        Assert.Equal("Ủy ban nhân dân tỉnh Tây Ninh", report.Scope);
        Assert.Equal([Bieu06Scenario.Department, Bieu06Scenario.Commune],
            report.Rows.Where(r => r.Kind == Bieu06RowKind.Unit).Select(r => r.AgencyCode));
        Assert.Equal(new DateTime(2026, 11, 20, 17, 0, 0), report.DataAsOf);
        Assert.Equal("Kỳ báo cáo: Quý III/2026 (01/07/2026–30/09/2026)", report.PeriodLine);
    }

    [Fact]
    public async Task Build_AgencyFilter_OnlyThatUnitAndItsFields()
    {
        var report = await scenario.ReportAsync("R2026-Q3", agency: Bieu06Scenario.Department);

        Assert.Equal("Sở Y tế Tây Ninh", report.Scope);
        Assert.Equal([Bieu06RowKind.Level, Bieu06RowKind.Unit, Bieu06RowKind.Field, Bieu06RowKind.Field, Bieu06RowKind.Total],
            report.Rows.Select(r => r.Kind));
        Assert.Equal(Unit(report, Bieu06Scenario.Department).Counts, report.Total.Counts);
    }

    [Theory]
    [InlineData("2026-Q3", "TNI.NOPE", null, "TNI.NOPE")]
    [InlineData("2026-Q3", "TNI.SYT", "DNA", "not in province")]
    [InlineData("2026-Q3", null, "XYZ", "XYZ")]
    public async Task Build_UnknownUnitOrProvince_Refuses(string period, string? agency, string? province, string message)
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => scenario.ReportAsync(period, agency, province));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public async Task Build_BadPeriod_Refuses() =>
        await Assert.ThrowsAsync<FormatException>(() => scenario.ReportAsync("2026-Q5"));

    private static Bieu06Row Unit(Bieu06Report report, string agency) =>
        report.Rows.Single(r => r.Kind == Bieu06RowKind.Unit && r.AgencyCode == agency);

    private static long[] Counts(Bieu06Counts c) => Bieu06Columns.Counts.Select(column => column.Value(c)).ToArray();
}
