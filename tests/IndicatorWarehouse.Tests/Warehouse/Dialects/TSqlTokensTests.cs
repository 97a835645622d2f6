using IndicatorWarehouse.Warehouse.Dialects.SqlServer;

namespace IndicatorWarehouse.Tests.Warehouse.Dialects;

/// <summary>Vietnamese literals in portable SQL (dashboards, `iw sql`) reach SQL Server marked Unicode: without N'…' the
/// server would read them in the database's 8-bit code page, where most Vietnamese letters do not exist.</summary>
public sealed class TSqlTokensTests
{
    [Theory]
    [InlineData("SELECT 'Đạt' AS s", "SELECT N'Đạt' AS s")]
    [InlineData("SELECT CASE s WHEN 'dat' THEN 'Đạt' ELSE 'Chưa đạt' END", "SELECT CASE s WHEN 'dat' THEN N'Đạt' ELSE N'Chưa đạt' END")]
    [InlineData("SELECT 'it''s Đạt', 'x'", "SELECT N'it''s Đạt', 'x'")]
    [InlineData("SELECT CONCAT('Mục tiêu: ', v)", "SELECT CONCAT(N'Mục tiêu: ', v)")]
    public void MarkUnicodeLiterals_LiteralWithVietnameseText_GetsTheNPrefix(string sql, string expected) =>
        Assert.Equal(expected, TSqlTokens.MarkUnicodeLiterals(sql));

    [Theory]
    [InlineData("SELECT N'Đạt'")]
    [InlineData("SELECT 'dat', 'chua_dat'")]
    [InlineData("SELECT v.value AS \"Giá trị\", [Đơn vị] FROM t")]
    [InlineData("SELECT 1 -- 'Đạt' in a comment\n")]
    [InlineData("SELECT 1 /* 'Đạt' */")]
    public void MarkUnicodeLiterals_NothingToMark_LeavesTheTextAlone(string sql) =>
        Assert.Equal(sql, TSqlTokens.MarkUnicodeLiterals(sql));

    [Fact]
    public void MarkUnicodeLiterals_UnclosedLiteral_IsAFormatError() =>
        Assert.Throws<FormatException>(() => TSqlTokens.MarkUnicodeLiterals("SELECT 'Đạt"));
}
