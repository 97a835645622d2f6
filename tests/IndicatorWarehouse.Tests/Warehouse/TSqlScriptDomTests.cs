using IndicatorWarehouse.Tests.Support;

namespace IndicatorWarehouse.Tests.Warehouse;

/// <summary>The static T-SQL check: every text the product sends to SQL Server parses under Microsoft's parser at the
/// required compatibility level, uses only parameters it declares or its caller passes, and holds no SQLite-only
/// syntax. No server needed; each check is also shown to fail on a seeded error of its kind.</summary>
public class TSqlScriptDomTests
{
    public static TheoryData<SqlServerText> Texts => new(SqlServerTexts.All);

    [Fact]
    public void TSqlTexts_CoverEveryScriptFileAndTheBuild()
    {
        Assert.Contains(SqlServerTexts.ScriptPaths, p => p == "001_etl.sql");
        foreach (var path in SqlServerTexts.ScriptPaths.Where(p => !p.StartsWith("build/", StringComparison.Ordinal)))
            Assert.Contains(SqlServerTexts.All, t => t.Origin.StartsWith(path, StringComparison.Ordinal));
        Assert.Contains(SqlServerTexts.All, t => t.Origin.StartsWith("build step", StringComparison.Ordinal) && t.Sql.Contains("indicator_value"));
        Assert.Contains(SqlServerTexts.All, t => t.Origin.StartsWith("dashboards/don-vi", StringComparison.Ordinal));
        // The parameter check has something to check: load steps and dashboards read what their callers pass.
        Assert.Contains(SqlServerTexts.All, t => t.Origin.StartsWith("load/dossier.sql", StringComparison.Ordinal) && TSqlCheck.Of(t.Sql).FreeVariables().Count > 0);
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void TSqlText_ParsesUnderScriptDom(SqlServerText text) =>
        AssertNone(text, check => check.ParseErrors);

    [Theory]
    [MemberData(nameof(Texts))]
    public void TSqlText_CallsNoFunctionNewerThanTheRequiredLevel(SqlServerText text) =>
        AssertNone(text, check => check.NewerThanRequiredLevel());

    [Theory]
    [MemberData(nameof(Texts))]
    public void TSqlText_HasNoSqliteOnlySyntax(SqlServerText text) =>
        AssertNone(text, check => check.SqliteLeaks());

    [Theory]
    [MemberData(nameof(Texts))]
    public void TSqlText_UsesOnlyDeclaredOrPassedParameters(SqlServerText text)
    {
        var missing = TSqlCheck.Of(text.Sql).FreeVariables().Select(v => v.TrimStart('@'))
            .Where(v => !text.Passed.Keys.Contains(v, StringComparer.OrdinalIgnoreCase)).Order().ToList();
        Assert.True(missing.Count == 0, $"{text.Origin}: uses @{string.Join(", @", missing)}, neither declared nor passed");
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void TSqlText_MarksEveryVietnameseLiteralUnicode(SqlServerText text) =>
        AssertNone(text, check => check.UnmarkedUnicodeLiterals());

    [Theory]
    [MemberData(nameof(Texts))]
    public void TSqlText_GroupedQueriesReadOnlyGroupedOrAggregatedColumns(SqlServerText text) =>
        AssertNone(text, check => check.UngroupedColumns());

    private static void AssertNone(SqlServerText text, Func<TSqlCheck, IReadOnlyList<string>> findings)
    {
        var found = findings(TSqlCheck.Of(text.Sql));
        Assert.True(found.Count == 0, $"{text.Origin}:\n{string.Join("\n", found)}");
    }

    // The check itself: each kind of error, seeded, is found.

    // SQLite accepts ORDER BY in a subquery; SQL Server does not without TOP or OFFSET, and neither does the parser.
    [Theory]
    [InlineData("SELECT x.a FROM (SELECT a FROM t ORDER BY a) x", true)]
    [InlineData("SELECT a FROM t WHERE a IN (SELECT b FROM u ORDER BY b)", true)]
    [InlineData("WITH c AS (SELECT a FROM t ORDER BY a) SELECT a FROM c", true)]
    [InlineData("SELECT x.a FROM (SELECT TOP (5) a FROM t ORDER BY a) x ORDER BY x.a", false)]
    [InlineData("SELECT x.a FROM (SELECT a FROM t ORDER BY a OFFSET 0 ROWS) x", false)]
    public void ScriptDom_SeededOrderByInSubquery_IsAParseError(string sql, bool refused) =>
        Assert.Equal(refused, TSqlCheck.Of(sql).ParseErrors.Count > 0);

    [Theory]
    [InlineData("SELECT a.agency_code, a.agency_name, COUNT(*) FROM dim_agency a GROUP BY a.agency_code", "a.agency_name")]
    [InlineData("SELECT agency_name, COUNT(*) AS n FROM dim_agency", "agency_name")]
    [InlineData("SELECT agency_code FROM dim_agency GROUP BY agency_code ORDER BY agency_name", "agency_name")]
    [InlineData("SELECT agency_code FROM dim_agency GROUP BY agency_code HAVING MAX(valid_from) > '2025' AND sector = 'x'", "sector")]
    public void ScriptDom_SeededUngroupedColumn_IsFound(string sql, string column) =>
        Assert.Contains(TSqlCheck.Of(sql).UngroupedColumns(), f => f.Contains($" {column} is neither", StringComparison.Ordinal)
                                                                     || f.Contains($" {column} in HAVING", StringComparison.Ordinal));

    [Theory]
    [InlineData("SELECT a.agency_code, MAX(a.agency_name) AS name, COUNT(*) AS n FROM dim_agency a GROUP BY a.agency_code ORDER BY n DESC, a.agency_code")]
    [InlineData("SELECT CASE WHEN x > 1 THEN 1 ELSE 0 END, COUNT(*) FROM t GROUP BY CASE WHEN x > 1 THEN 1 ELSE 0 END")]
    [InlineData("SELECT (SELECT MAX(b) FROM u), COUNT(*), SUM(COUNT(*)) OVER () FROM t")]
    [InlineData("SELECT agency_code, agency_name FROM dim_agency ORDER BY agency_name")]
    public void ScriptDom_GroupedOrAggregatedColumns_AreNotFindings(string sql) =>
        Assert.Empty(TSqlCheck.Of(sql).UngroupedColumns());

    [Fact]
    public void ScriptDom_SeededVietnameseLiteralWithoutN_IsFound()
    {
        Assert.Equal(["line 1: 'Đạt' is not N'…'"], TSqlCheck.Of("SELECT 'Đạt', N'Chưa đạt', 'ok' -- 'Đạt'").UnmarkedUnicodeLiterals());
    }

    // Found in QuarantineQueries.ListAsync: LINENO is a reserved word of T-SQL, so a bare alias of that name does not parse.
    [Fact]
    public void ScriptDom_ReservedWordAsBareAlias_IsAParseError_QuotedItParses()
    {
        Assert.NotEmpty(TSqlCheck.Of("SELECT q.line_no AS LineNo FROM etl_quarantine q").ParseErrors);
        Assert.Empty(TSqlCheck.Of("SELECT q.line_no AS \"LineNo\" FROM etl_quarantine q").ParseErrors);
    }

    [Fact]
    public void ScriptDom_SeededSyntaxError_IsReportedWithItsLine() =>
        Assert.Contains(TSqlCheck.Of("SELECT 1;\nSELECT FROM WHERE;").ParseErrors, e => e.StartsWith("line 2:", StringComparison.Ordinal));

    [Fact]
    public void ScriptDom_SyntaxNewerThanTheRequiredLevel_IsRefused() =>
        // IS DISTINCT FROM came with SQL Server 2022 (level 160); the guide requires 130 only.
        Assert.NotEmpty(TSqlCheck.Of("SELECT x FROM t WHERE a IS DISTINCT FROM b").ParseErrors);

    [Theory]
    [InlineData("SELECT STRING_AGG(agency_code, ',') FROM dim_agency", "STRING_AGG needs SQL Server 2017")]
    [InlineData("SELECT TRIM(agency_name) FROM dim_agency -- LEAST(1, 2)", "TRIM needs SQL Server 2017")]
    [InlineData("SELECT GREATEST(a, b) FROM t", "GREATEST needs SQL Server 2022")]
    public void ScriptDom_SeededFunctionNewerThanTheRequiredLevel_IsFound(string sql, string finding) =>
        Assert.Equal([$"line 1: {finding}"], TSqlCheck.Of(sql).NewerThanRequiredLevel());

    [Theory]
    [InlineData("SELECT agency_code FROM dim_agency ORDER BY agency_code LIMIT 10", "LIMIT")]
    [InlineData("SELECT agency_code || ' ' || agency_name FROM dim_agency", "||")]
    [InlineData("SELECT strftime('%Y', received_at) FROM fact_dossier", "strftime(")]
    [InlineData("SELECT julianday(finished_at) - julianday(received_at) FROM fact_dossier", "julianday(")]
    [InlineData("SELECT datetime(received_at, '+1 day') FROM fact_dossier", "datetime(")]
    [InlineData("SELECT ifnull(late_reason, '') FROM fact_dossier", "ifnull(")]
    [InlineData("INSERT OR IGNORE INTO dim_field (field_code) VALUES ('x')", "INSERT OR")]
    [InlineData("INSERT INTO dim_field (field_code) VALUES ('x') ON CONFLICT (field_code) DO NOTHING", "CONFLICT")]
    [InlineData("SELECT 1 FROM dim_field WHERE field_code GLOB 'a*'", "GLOB")]
    public void ScriptDom_SeededSqliteSyntax_IsFound(string sql, string leak) =>
        Assert.Contains(TSqlCheck.Of(sql).SqliteLeaks(), l => l.Contains(leak, StringComparison.Ordinal));

    [Theory]
    [InlineData("SELECT 'LIMIT 10 || strftime(' AS x -- LIMIT\n/* julianday( */")]
    [InlineData("SELECT CAST(received_at AS date), [limit] FROM fact_dossier")]
    [InlineData("DECLARE @d date = CONVERT(date, '2025-01-01'); SELECT CONCAT(a, b), t.limit FROM t")]
    public void ScriptDom_SqliteWordsInStringsCommentsAndTypes_AreNotLeaks(string sql) =>
        Assert.Empty(TSqlCheck.Of(sql).SqliteLeaks());

    [Fact]
    public void ScriptDom_SeededUndeclaredVariable_IsFree_DeclaredOnesAreNot()
    {
        var free = TSqlCheck.Of("DECLARE @n int = 1; DECLARE @t TABLE (x int); SELECT @n, @missing FROM @t").FreeVariables();
        Assert.Equal(["@missing"], free);
    }

    // Former known risk: `iw sql` marks Vietnamese literals N'…', also one written as an old-style column alias.
    [Theory]
    [InlineData("SELECT 1 'Giá trị'")]
    [InlineData("SELECT agency_code 'Mã đơn vị', COUNT(*) 'Số hồ sơ' FROM fact_dossier GROUP BY agency_code")]
    public void TSqlText_VietnameseAliasMarkedUnicode_Parses(string sql)
    {
        var marked = IndicatorWarehouse.Warehouse.Dialects.SqlServer.TSqlTokens.MarkUnicodeLiterals(sql);
        Assert.Contains("N'", marked);
        Assert.Empty(TSqlCheck.Of(marked).ParseErrors);
    }
}
