namespace IndicatorWarehouse.Tests.Support;

/// <summary>SQL Server, when <c>IW_TEST_SQLSERVER</c> holds a connection string to a server where the login may
/// create databases (e.g. <c>Server=localhost;User ID=sa;Password=…;TrustServerCertificate=True</c>).</summary>
public sealed class SqlServerProvider : WarehouseProvider
{
    private static string? ServerConnection => Environment.GetEnvironmentVariable("IW_TEST_SQLSERVER") is { Length: > 0 } c ? c : null;

    public override string? SkipReason => ServerConnection is null ? "skipped: no SQL Server (set IW_TEST_SQLSERVER)" : null;

    // Every warehouse table is exposed in dbo under its flat name by a synonym.
    public override string TableNamesSql =>
        "SELECT name FROM sys.synonyms WHERE schema_id = SCHEMA_ID('dbo') AND name <> 'etl_schema_version' ORDER BY name";

    public override async Task<ITestWarehouse> CreateEmptyAsync() =>
        await TempSqlServerWarehouse.CreateAsync(ServerConnection ?? throw new InvalidOperationException(SkipReason));
}
