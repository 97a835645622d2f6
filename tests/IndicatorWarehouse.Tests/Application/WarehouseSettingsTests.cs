using IndicatorWarehouse.Application.Setup;

namespace IndicatorWarehouse.Tests.Application;

public sealed class WarehouseSettingsTests
{
    [Fact]
    public void Open_SqlServerWithoutConnectionString_SaysHowToGiveOne()
    {
        var settings = WarehouseSettings.From("sqlserver", null, " ");

        var error = Assert.Throws<ArgumentException>(() => settings.Open());

        Assert.Contains("--connection", error.Message);
        Assert.Contains("IW_CONNECTION", error.Message);
    }

    [Fact]
    public void Open_SqlServerWithConnectionString_UsesTheSqlServerDialectWithoutConnecting()
    {
        var settings = WarehouseSettings.From("SqlServer", null, "Server=db01;Database=iw;User ID=iw_loader;Password=secret");

        var database = settings.Open();

        Assert.Equal("sqlserver", database.Dialect.Name);
        Assert.Equal("SQL Server db01, database iw", settings.Describe());
    }
}
