using Testcontainers.MsSql;

namespace IndicatorWarehouse.Tests.Support;

/// <summary>SQL Server for the warehouse tests, from the first of: a throw-away server that Testcontainers starts in
/// Docker when a Docker engine answers (one container for the whole run, each test in its own database); the server
/// <c>IW_TEST_SQLSERVER</c> names (a connection string whose login may create databases, e.g.
/// <c>Server=localhost;User ID=sa;Password=…;TrustServerCertificate=True</c>); else the tests are skipped, with why.</summary>
public sealed class SqlServerProvider : WarehouseProvider
{
    private static readonly string? Configured =
        Environment.GetEnvironmentVariable("IW_TEST_SQLSERVER") is { Length: > 0 } c ? c : null;

    // Probed once per test run, at discovery: a missing engine answers in milliseconds (no socket, or refused).
    private static readonly Lazy<DockerEngine.Answer> Docker = new(DockerEngine.Probe);

    private static readonly Lazy<Task<string>> Container = new(StartContainerAsync);

    public override string? SkipReason => Docker.Value.Answers || Configured is not null ? null
        : $"skipped: no SQL Server (no Docker engine: {Docker.Value.Detail}; IW_TEST_SQLSERVER not set)";

    // Every warehouse table is exposed in dbo under its flat name by a synonym.
    public override string TableNamesSql =>
        "SELECT name FROM sys.synonyms WHERE schema_id = SCHEMA_ID('dbo') AND name <> 'etl_schema_version' ORDER BY name";

    public override async Task<ITestWarehouse> CreateEmptyAsync() =>
        await TempSqlServerWarehouse.CreateAsync(await ServerConnectionAsync());

    private static async Task<string> ServerConnectionAsync() =>
        Docker.Value.Answers ? await Container.Value
        : Configured ?? throw new InvalidOperationException("No SQL Server: no Docker engine, and IW_TEST_SQLSERVER is not set.");

    // Each test database sets its Vietnamese collation and the compatibility level the guide requires itself.
    // Testcontainers' resource reaper removes the container when the test process ends.
    private static async Task<string> StartContainerAsync()
    {
        var container = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-latest").Build();
        await container.StartAsync();
        return container.GetConnectionString();
    }
}
