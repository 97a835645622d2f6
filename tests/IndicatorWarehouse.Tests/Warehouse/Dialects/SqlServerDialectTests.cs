using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Dialects.SqlServer;
using Microsoft.Data.SqlClient;

namespace IndicatorWarehouse.Tests.Warehouse.Dialects;

/// <summary>The parts of the SQL Server dialect that need no server.</summary>
public sealed class SqlServerDialectTests
{
    private readonly SqlServerDialect _dialect = new();

    [Fact]
    public void SplitBatches_LinesHoldingOnlyGo_SeparateBatchesInAnyCaseAndLineEnding()
    {
        var script = "CREATE SCHEMA dim;\r\nGO\r\nCREATE TABLE a (go_live int);\n  go  \nSELECT 1 -- GO on a line with code\nGOTO done;\nGo\n\nGO\n";

        var batches = _dialect.SplitBatches(script).Select(b => b.Trim()).ToList();

        Assert.Equal(["CREATE SCHEMA dim;", "CREATE TABLE a (go_live int);", "SELECT 1 -- GO on a line with code\nGOTO done;"], batches);
    }

    [Fact]
    public void SplitBatches_ScriptWithoutGo_IsOneBatch()
    {
        var script = SqlScripts.Get("sqlserver", "001_etl.sql");

        Assert.Equal([script], _dialect.SplitBatches(script));
    }

    [Fact]
    public void SplitBatches_DimensionsMigration_CreatesItsSchemaAloneInTheFirstBatch()
    {
        // CREATE SCHEMA must be the only statement of its batch.
        var batches = _dialect.SplitBatches(SqlScripts.Get("sqlserver", "002_dimensions.sql"));

        Assert.Equal(2, batches.Count);
        Assert.EndsWith("CREATE SCHEMA dim;", batches[0].Trim());
        Assert.StartsWith("CREATE TABLE dim.date", batches[1].Trim());
    }

    [Fact]
    public void ReadOnlyConnectionString_AnyConnectionString_AsksForReadOnlyIntentAndKeepsTheRest()
    {
        var readOnly = new SqlConnectionStringBuilder(SqlServerDialect.ReadOnlyConnectionString(
            "Server=db01;Database=iw;User ID=iw_reader;Password=secret;Encrypt=True"));

        Assert.Equal(ApplicationIntent.ReadOnly, readOnly.ApplicationIntent);
        Assert.Equal(("db01", "iw", "iw_reader"), (readOnly.DataSource, readOnly.InitialCatalog, readOnly.UserID));
    }

    [Fact]
    public void Describe_ConnectionStringWithPassword_NamesServerAndDatabaseOnly()
    {
        var text = SqlServerDialect.Describe("Server=db01;Database=iw;User ID=iw_loader;Password=secret");

        Assert.Equal("SQL Server db01, database iw", text);
    }
}
