namespace IndicatorWarehouse.Tests.Support;

/// <summary>SQLite, always present: a temporary warehouse file.</summary>
public sealed class SqliteProvider : WarehouseProvider
{
    public override string? SkipReason => null;

    public override string TableNamesSql =>
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'etl_schema_version' ORDER BY name";

    public override Task<ITestWarehouse> CreateEmptyAsync() => Task.FromResult<ITestWarehouse>(TempWarehouse.Empty());
}
