using System.Text.RegularExpressions;
using IndicatorWarehouse.Tests.Support;
using IndicatorWarehouse.Warehouse.Dialects.SqlServer;
using IndicatorWarehouse.Warehouse.Loading;

namespace IndicatorWarehouse.Tests.Warehouse;

/// <summary>The SQL Server schema as a DacFx model after every migration, validated with zero errors: every view,
/// index, key and synonym resolves. The load, revert, ledger and build statements are then compiled against the
/// final model, so a column they name that the schema lacks is found without a server.</summary>
public class TSqlDacFxTests
{
    public static TheoryData<int> MigrationVersions => new(SqlServerSchemaModel.Migrations().Select(m => m.Version));

    public static TheoryData<string> StepScripts => new(SqlServerTexts.ScriptPaths.Where(p => p.Contains('/') && !p.StartsWith("runner/", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(MigrationVersions))]
    public void DacFx_SchemaAfterMigration_ValidatesWithoutErrors(int version) =>
        AssertNoProblems(SqlServerSchemaModel.AfterMigration(version));

    [Theory]
    [MemberData(nameof(StepScripts))]
    public void DacFx_ScriptSteps_ResolveAgainstTheFinalSchema(string path)
    {
        var model = SqlServerSchemaModel.AfterMigration(int.MaxValue);
        var texts = path.StartsWith("build/", StringComparison.Ordinal)
            ? SqlServerTexts.BuildPlan().Where(t => t.Sql.Length > 0).ToList()
            : SqlServerTexts.Of(path).Concat(SupersededCount(path)).ToList();
        // One procedure for the whole script: a step's temp tables are made by an earlier step of the same session.
        var parameters = texts.SelectMany(t => t.Passed).DistinctBy(p => p.Key, StringComparer.OrdinalIgnoreCase).ToDictionary();
        model.Check(path, string.Join("\n", texts.Select(t => t.Sql)), parameters);
        AssertNoProblems(model);
    }

    // The loader's count of superseded lines reads the staging table of its target's script.
    private static IEnumerable<SqlServerText> SupersededCount(string path) => SharedSqlTexts.LoadTargets().Where(t => t.Script == path)
        .Select(t => new SqlServerText("SnapshotLoader.SupersededSql", SnapshotLoader.SupersededSql(new SqlServerDialect(), t), new Dictionary<string, string>()));

    [Fact]
    public void DacFx_DashboardQueries_ResolveAgainstTheAnalystViews()
    {
        var model = SqlServerSchemaModel.AfterMigration(int.MaxValue);
        foreach (var query in SqlServerTexts.Dashboards()) model.Check(query.Origin, query.Sql, query.Passed);
        AssertNoProblems(model);
    }

    [Fact]
    public void DacFx_SharedTexts_ResolveAgainstTheFinalSchema()
    {
        var model = SqlServerSchemaModel.AfterMigration(int.MaxValue);
        // The model holds the warehouse, not the server's catalog (sys.*); a text that reads a load's staging temp
        // table is checked with that load's script (above), which creates it.
        var texts = SharedSqlTexts.Texts.Where(t => !Regex.IsMatch(t.Sql, @"\bsys\.|#\w")).ToList();
        Assert.True(texts.Count >= 80, $"only {texts.Count} texts");
        foreach (var text in texts) model.Check(text.Origin, text.Sql, text.Passed);
        AssertNoProblems(model);
    }

    // The check itself.

    [Theory]
    [InlineData("dbo.mart_agency")]     // another view
    [InlineData("dim_agency")]          // a table through its dbo synonym
    [InlineData("dim.agency")]          // the table itself
    public void DacFx_SeededViewNamingAMissingColumn_IsAnError(string source)
    {
        var model = SqlServerSchemaModel.AfterMigration(int.MaxValue);
        model.Apply("seeded", $"CREATE VIEW dbo.mart_seeded AS SELECT a.agency_code, a.no_such_column FROM {source} a;");
        Assert.Contains(model.Problems(), e => e.Contains("no_such_column", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void DacFx_SeededStepNamingAMissingTable_IsAProblem()
    {
        var model = SqlServerSchemaModel.AfterMigration(int.MaxValue);
        model.Check("seeded", "UPDATE fact.no_such_table SET x = 1;");
        Assert.Contains(model.Problems(), e => e.Contains("no_such_table", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("SELECT d.no_such_column FROM fact_dossier d;")]                                  // through a synonym
    [InlineData("CREATE TABLE #t (a int); SELECT no_such_column FROM #t;")]                      // a temp table of the script
    [InlineData("INSERT INTO fact_figure (agency_code, no_such_column) VALUES (N'x', 1);")]
    public void DacFx_SeededStepNamingAMissingColumn_IsAProblem(string step)
    {
        var model = SqlServerSchemaModel.AfterMigration(int.MaxValue);
        model.Check("seeded", step);
        Assert.Contains(model.Problems(), e => e.Contains("no_such_column", StringComparison.OrdinalIgnoreCase) && e.Contains("(in seeded)", StringComparison.Ordinal));
    }

    [Fact]
    public void DacFx_SeededCSharpQueryNamingAMissingColumn_IsAProblem()
    {
        const string source = """
            class NewQuery(System.Data.Common.DbConnection c)
            {
                Task<long> CountAsync(string code) => c.ExecuteScalarAsync<long>(
                    "SELECT COUNT(*) FROM dim_agency WHERE agency_code = @code AND no_such_column = 1", new { code });
            }
            """;
        var text = Assert.Single(Assert.Single(SharedSqlTexts.Of([CSharpSqlSites.Parse(source, "src/NewQuery.cs")])).Texts);
        var model = SqlServerSchemaModel.AfterMigration(int.MaxValue);
        model.Check(text.Origin, text.Sql, text.Passed);
        Assert.Contains(model.Problems(), e => e.Contains("no_such_column", StringComparison.OrdinalIgnoreCase) && e.Contains("(in NewQuery.CountAsync", StringComparison.Ordinal));
    }

    [Fact]
    public void DacFx_LaterMigrationsChangeTheModel()
    {
        // 008 drops a unique constraint and adds a column: the replay applies both.
        Assert.True(SqlServerSchemaModel.AfterMigration(7).Has("etl.snapshot"));
        var before = SqlServerSchemaModel.AfterMigration(7);
        before.Check("uses a column of 008", "SELECT resolved_by_snapshot_id FROM etl.quarantine;");
        Assert.NotEmpty(before.Problems());
        var after = SqlServerSchemaModel.AfterMigration(8);
        after.Check("uses a column of 008", "SELECT resolved_by_snapshot_id FROM etl.quarantine;");
        Assert.Empty(after.Problems());
    }

    private static void AssertNoProblems(SqlServerSchemaModel model)
    {
        var errors = model.Problems();
        Assert.True(errors.Count == 0, $"{errors.Count} errors:\n{string.Join("\n", errors.Take(40))}");
    }
}
