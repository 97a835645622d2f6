using IndicatorWarehouse.Warehouse.Dialects;
using IndicatorWarehouse.Warehouse.Dialects.SqlServer;

namespace IndicatorWarehouse.Tests.Warehouse.Dialects;

/// <summary>The token layer of the SQL Server read-only check, which needs no server (the other layers are
/// exercised by SqlServerAdHocQueryTests when a server is configured).</summary>
public sealed class SqlServerReadOnlyGuardTests
{
    [Theory]
    [InlineData("SELECT 1")]
    [InlineData("select * from dim_date -- trailing comment")]
    [InlineData("WITH a AS (SELECT 1 AS n) SELECT n FROM a;")]
    [InlineData("SELECT 'DELETE FROM x; DROP TABLE y' AS s")]
    [InlineData("SELECT N'Trực tuyến', 'it''s; DELETE'")]
    [InlineData("SELECT [update], \"insert\", [a]]; drop] FROM t")]
    [InlineData("SELECT 1 /* DROP /* nested */ TABLE x; */")]
    [InlineData("SELECT a FROM t UNION ALL SELECT b FROM u EXCEPT SELECT c FROM v INTERSECT SELECT d FROM w")]
    [InlineData("SELECT TOP (5) WITH TIES a, rows_updated FROM t ORDER BY a OFFSET 0 ROWS FETCH NEXT 5 ROWS ONLY")]
    [InlineData("SELECT x FROM t WHERE y IN (SELECT y FROM u) AND z = (SELECT MAX(z) FROM v)")]
    [InlineData("SELECT * FROM OPENJSON(N'[1,2]') WITH (n int '$')")]
    [InlineData("SELECT a.x FROM a INNER MERGE JOIN b ON a.x = b.x OPTION (MERGE JOIN)")]
    public void EnsureTokensRead_OneRead_IsAccepted(string sql) =>
        SqlServerReadOnlyGuard.EnsureTokensRead(sql);

    [Theory]
    [InlineData("DELETE FROM t", "only reading")]
    [InlineData("(SELECT 1)", "only reading")]
    [InlineData("", "no SQL statement")]
    [InlineData(" -- nothing but a comment\n;", "no SQL statement")]
    [InlineData("SELECT 1; SELECT 2", "one statement")]
    [InlineData("SELECT 1 SELECT 2", "one statement")]
    [InlineData("SELECT 1 UNION (SELECT 2) SELECT 3", "one statement")]
    [InlineData("WITH a AS (SELECT 1 AS n) SELECT n FROM a SELECT 2", "one statement")]
    [InlineData("SELECT * INTO t2 FROM t", "INTO")]
    [InlineData("WITH a AS (SELECT 1 AS n) UPDATE t SET x = 1", "UPDATE")]
    [InlineData("SELECT 1 EXEC('DROP TABLE t')", "EXEC")]
    [InlineData("WITH s AS (SELECT 1 AS x) MERGE t USING s ON t.x = s.x WHEN MATCHED THEN DELETE", "MERGE")]
    [InlineData("select 1 waitfor delay '00:10'", "WAITFOR")]
    [InlineData("SELECT * FROM OPENROWSET(BULK '/etc/passwd', SINGLE_CLOB) AS f", "OPENROWSET")]
    [InlineData("SELECT * FROM t WITH (XLOCK)", "XLOCK")]
    [InlineData("SELECT 'unclosed", "not closed")]
    [InlineData("SELECT [unclosed", "not closed")]
    [InlineData("SELECT 1 /* unclosed /* nested */", "not closed")]
    public void EnsureTokensRead_AnythingElse_IsRefusedWithTheReason(string sql, string reason)
    {
        var error = Assert.Throws<ReadOnlyViolationException>(() => SqlServerReadOnlyGuard.EnsureTokensRead(sql));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void ParameterDeclarations_DashboardFilters_DeclaresEachAsItsValueIsSent()
    {
        var declarations = SqlServerReadOnlyGuard.ParameterDeclarations(new Dictionary<string, object?>
        {
            ["unit"] = "TNI.SYT", ["none"] = null, ["to_key"] = 20261031, ["seq"] = 5L, ["share"] = 0.5,
        });

        Assert.Equal("@unit nvarchar(4000), @none nvarchar(4000), @to_key int, @seq bigint, @share float", declarations);
    }

    [Fact]
    public void ParameterDeclarations_NoParameters_IsNull() =>
        Assert.Null(SqlServerReadOnlyGuard.ParameterDeclarations(new Dictionary<string, object?>()));
}
