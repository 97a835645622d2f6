using IndicatorWarehouse.Tests.Support;

namespace IndicatorWarehouse.Tests.Warehouse;

/// <summary>The SQL the C# code sends (the queries of Warehouse/Queries, the ledger, the reference data writer, the
/// reports' and the build's reads, the SQL Server dialect's own…) is found in the sources and read as SQL Server
/// receives it; <see cref="TSqlScriptDomTests"/> then checks each text like the scripts'. Here: that every site is
/// read, and that the finding and reading work on seeded sources.</summary>
public class TSqlSharedTextsTests
{
    [Fact]
    public void TSqlSharedTexts_EverySiteIsReadOrCheckedElsewhere()
    {
        var unreadable = SharedSqlTexts.Sites.Where(s => s.Unreadable is not null).Select(s => $"{s.Site}: {s.Unreadable}").ToList();
        Assert.True(unreadable.Count == 0, "SQL the check cannot read (make it a constant text, or give it a producer in SharedSqlTexts):\n" +
            string.Join("\n", unreadable));
        // No stale exemption: each names a member that still sends SQL it cannot read.
        foreach (var member in SharedSqlTexts.CheckedElsewhere.Keys)
            Assert.Contains(SharedSqlTexts.Sites, s => s.Site.Member == member && s.CheckedElsewhere is not null);
    }

    [Fact]
    public void TSqlSharedTexts_ReachTheSharedQueries()
    {
        var sites = SharedSqlTexts.Sites;
        Assert.True(sites.Count(s => s.Texts.Count > 0) >= 80, $"only {sites.Count(s => s.Texts.Count > 0)} sites read");
        Texts(sites, "AlertQueries.FallingDueAsync", t => Assert.Contains("d.is_withdrawn = 0", t.Sql));        // a helper's text in a hole
        Assert.Contains(Texts(sites, "AlertQueries.MissedTargetsAsync"), t => t.Sql.Contains("IN (@indicators)"));  // Dapper's list
        Assert.Equal(5 * 2, Texts(sites, "ReferenceDataWriter.UpsertAsync").Count);                            // one update and insert per call
        Assert.Equal(2, Texts(sites, "SqlServerDialect.OpenWithAsync").Count);                                  // through a parameter
        Assert.Contains(Texts(sites, "RunLedger.StartAsync"), t => t.Sql.Contains("SCOPE_IDENTITY", StringComparison.OrdinalIgnoreCase)); // the dialect's script
        Assert.Equal(SharedSqlTexts.LoadTargets().Count(), Texts(sites, "SnapshotLoader.CountSupersededAsync").Count);
        Assert.Equal(2, Texts(sites, "RunLedger.RecentAsync").Count);                                           // both branches
    }

    private static List<SqlServerText> Texts(IReadOnlyList<SharedSqlSite> sites, string member, Action<SqlServerText>? each = null)
    {
        var texts = sites.Where(s => s.Site.Member == member).SelectMany(s => s.Texts).ToList();
        Assert.NotEmpty(texts);
        foreach (var text in texts) each?.Invoke(text);
        return texts;
    }

    // The check itself, on seeded sources: a query added anywhere is found without being listed, read through
    // constants, helpers and interpolation, and its SQLite-only syntax is reported.

    private const string Seeded = """
        using Dapper;
        namespace Seeded;
        internal static class Scope
        {
            public const string Current = "a.valid_to IS NULL";
            public static string Of(string code) => $"{Current} AND a.agency_code = {code}";
        }
        public sealed class NewQuery(System.Data.Common.DbConnection connection)
        {
            private const string Columns = "a.agency_code, a.agency_name";
            public Task<IEnumerable<string>> TopAsync(string code) =>
                connection.QueryAsync<string>($"SELECT {Columns} FROM dim_agency a WHERE {Scope.Of("@code")} ORDER BY a.agency_code LIMIT 10", new { code });
        }
        """;

    [Fact]
    public void ScriptDom_SeededLimitInANewCSharpQuery_IsFound()
    {
        var site = Assert.Single(SharedSqlTexts.Of([CSharpSqlSites.Parse(Seeded, "src/Seeded.cs")]));
        var text = Assert.Single(site.Texts);
        Assert.Equal("NewQuery.TopAsync", site.Site.Member);
        Assert.Contains("FROM dim_agency a WHERE a.valid_to IS NULL AND a.agency_code = @code ORDER BY", text.Sql);
        Assert.Equal(["line 1: LIMIT"], TSqlCheck.Of(text.Sql).SqliteLeaks());
        Assert.Equal(["code"], text.Passed.Keys);
    }

    [Theory]
    [InlineData("c.ExecuteAsync(\"UPDATE t SET a = @a WHERE b = @b\", new { a })", "@b")]
    [InlineData("c.ExecuteAsync(new CommandDefinition(\"DELETE FROM t WHERE b = @b\", new { x = 1 }, cancellationToken: ct))", "@b")]
    public void ScriptDom_SeededParameterNotPassed_IsFree(string call, string missing)
    {
        var source = $"class S {{ async Task Run(System.Data.Common.DbConnection c, int a, CancellationToken ct) => await {call}; }}";
        var text = Assert.Single(Assert.Single(SharedSqlTexts.Of([CSharpSqlSites.Parse(source, "src/S.cs")])).Texts);
        Assert.Contains(missing, TSqlCheck.Of(text.Sql).FreeVariables().Where(v => !text.Passed.ContainsKey(v.TrimStart('@'))));
    }

    [Theory]
    [InlineData("foreach (var table in tables) await c.ExecuteAsync(\"DELETE FROM \" + table);", "a loop variable")]
    [InlineData("var sql = \"DELETE FROM t\"; if (tables.Any()) sql += \" LIMIT 1\"; await c.ExecuteAsync(sql);", "assigned after its declaration")]
    [InlineData("await c.ExecuteAsync(string.Join(\"; \", tables.Select(t => \"DELETE FROM \" + t)));", "a call of Join")]
    public void TSqlSharedTexts_SeededTextKnownOnlyAtRunTime_IsReportedUnreadable(string body, string why)
    {
        var source = $"class S {{ async Task Run(System.Data.Common.DbConnection c, IEnumerable<string> tables) {{ {body} }} }}";
        var site = Assert.Single(SharedSqlTexts.Of([CSharpSqlSites.Parse(source, "src/S.cs")]));
        Assert.Empty(site.Texts);
        Assert.Contains(why, site.Unreadable);
    }

    [Fact]
    public void TSqlSharedTexts_SeededParameterAndChoice_AreReadPerCall()
    {
        const string source = """
            class S(System.Data.Common.DbConnection c)
            {
                Task Upsert(string table, string key) => c.ExecuteAsync($"UPDATE {table} SET x = 1 WHERE {key} = @id" + (table == "b" ? " AND y = 2" : ""));
                Task One() => Upsert("a", "a_id");
                Task Two() => Upsert(key: "b_id", table: "b");
            }
            """;
        var texts = Assert.Single(SharedSqlTexts.Of([CSharpSqlSites.Parse(source, "src/S.cs")])).Texts.Select(t => t.Sql).Order().ToList();
        // Each call's arguments together (never "a" with "b_id"); both branches of the choice.
        Assert.Equal(["UPDATE a SET x = 1 WHERE a_id = @id", "UPDATE a SET x = 1 WHERE a_id = @id AND y = 2",
            "UPDATE b SET x = 1 WHERE b_id = @id", "UPDATE b SET x = 1 WHERE b_id = @id AND y = 2"], texts);
    }
}
