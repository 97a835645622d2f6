using IndicatorWarehouse.Server.Dashboards;

namespace IndicatorWarehouse.Tests.Server;

/// <summary>Dashboard files as the catalog reads them from a real folder.</summary>
public sealed class DashboardCatalogTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("iw-dashboards-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private DashboardEntry Read(string yaml)
    {
        var path = Path.Combine(_folder, "thu.yaml");
        File.WriteAllText(path, yaml);
        return DashboardCatalog.Read(path);
    }

    [Fact]
    public void Read_LeversPanelWithTheUnitFilterAndNoSql_IsADashboard()
    {
        var entry = Read("title: Đơn vị\nfilters: [unit, period]\npanels:\n  - title: Để tăng điểm\n    type: levers\n");

        Assert.Null(entry.Error);
        Assert.False(Assert.Single(entry.Dashboard!.Panels).RunsSql);
    }

    [Fact]
    public void Read_LeversPanelWithoutAUnitOrWithSql_IsRefusedSayingWhy()
    {
        var entry = Read("title: Tỉnh\nfilters: [period]\npanels:\n  - title: Để tăng điểm\n    type: levers\n    sql: SELECT 1 AS value\n");

        Assert.Null(entry.Dashboard);
        Assert.Contains("panel 1 'Để tăng điểm': a levers panel runs no sql", entry.Error);
        Assert.Contains("panel 1 'Để tăng điểm': a levers panel needs the unit filter", entry.Error);
    }
}
