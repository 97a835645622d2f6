using System.Text.RegularExpressions;
using IndicatorWarehouse.Warehouse;

namespace IndicatorWarehouse.Tests.Warehouse;

/// <summary>The two dialects' scripts stay in step: same files, every table, column, index and view of a SQLite
/// script exists in its SQL Server counterpart (a table under the flat name through a dbo synonym, a view in dbo),
/// and step scripts have the same steps in the same order. The parse
/// is rough on purpose — CREATE TABLE bodies split on top-level commas — enough to catch a forgotten column.</summary>
public sealed partial class SqlParityTests
{
    public static TheoryData<string> SqliteScripts => new(ScriptPaths("sqlite"));

    [Fact]
    public void Scripts_EveryFileOfOneDialect_HasItsCounterpartInTheOther()
    {
        Assert.NotEmpty(ScriptPaths("sqlite"));
        Assert.Equal(ScriptPaths("sqlite"), ScriptPaths("sqlserver"));
    }

    [Theory]
    [MemberData(nameof(SqliteScripts))]
    public void Script_TablesOfSqlite_AreSqlServerSynonymsOfTablesWithTheSameColumns(string path)
    {
        // A table SQLite rebuilds under a temporary name and renames into place is one SQL Server alters in place.
        var sqliteScript = SqlScripts.Get("sqlite", path);
        var rebuilt = RenamedTables(sqliteScript);
        var sqlite = Tables(sqliteScript).Where(t => !rebuilt.Contains(t.Key)).ToDictionary();
        var sqlServerScript = SqlScripts.Get("sqlserver", path);
        var sqlServer = Tables(sqlServerScript);
        var synonyms = Synonyms(sqlServerScript);

        Assert.Equal(sqlite.Keys.Order(StringComparer.Ordinal), synonyms.Keys.Order(StringComparer.Ordinal));
        foreach (var (table, columns) in sqlite)
        {
            Assert.True(sqlServer.TryGetValue(synonyms[table], out var sqlServerColumns),
                $"{path}: dbo.{table} stands for {synonyms[table]}, which this script does not create");
            Assert.True(columns.SequenceEqual(sqlServerColumns),
                $"{path}: {table} has ({string.Join(", ", columns)}) on SQLite but ({string.Join(", ", sqlServerColumns)}) on SQL Server");
        }
    }

    [Theory]
    [MemberData(nameof(SqliteScripts))]
    public void Script_IndexesOfSqlite_ExistOnSqlServer(string path)
    {
        var sqliteScript = SqlScripts.Get("sqlite", path);
        var sqlServer = Indexes(SqlScripts.Get("sqlserver", path));
        // An index SQLite re-creates on a table it rebuilt and renamed into place is one SQL Server kept: it altered the table in place.
        var rebuilt = RenameTargets().Matches(sqliteScript).Select(m => m.Groups["to"].Value).ToHashSet();
        var recreated = IndexOn().Matches(sqliteScript).Where(m => rebuilt.Contains(m.Groups["table"].Value)).Select(m => m.Groups["name"].Value);

        Assert.All(Indexes(sqliteScript).Except(recreated), index => Assert.Contains(index, sqlServer));
    }

    [Theory]
    [MemberData(nameof(SqliteScripts))]
    public void Script_ViewsOfSqlite_ExistOnSqlServerInDbo(string path)
    {
        Assert.Equal(Views(SqlScripts.Get("sqlite", path)).Select(view => "dbo." + view), Views(SqlScripts.Get("sqlserver", path)));
    }

    [Theory]
    [MemberData(nameof(SqliteScripts))]
    public void Script_StepsOfSqlite_AreTheStepsOfSqlServerInTheSameOrder(string path)
    {
        // The loader and the builder run steps by name, some in file order. SQLite's one-stop load resolves dimension
        // members and inserts new records in memory as it reads (one writer at a time); SQL Server does it in these steps.
        var doneInMemoryOnSqlite = path switch
        {
            "load/dossier.sql" => new[] { "summarize_procedures", "add_inferred_agencies", "add_fields", "add_procedures", "insert_new" },
            "load/digitization.sql" => ["add_inferred_agencies", "resolve_keys", "insert_new"],
            _ => [],
        };
        Assert.Equal(SqlScripts.Steps("sqlite", path).Keys, SqlScripts.Steps("sqlserver", path).Keys.Except(doneInMemoryOnSqlite));
    }

    [Theory]
    [MemberData(nameof(SqliteScripts))]
    public void Script_SqlServerStepThatCreatesATempTable_NamesNoParameter(string path)
    {
        // Dapper sends a command that names parameters through sp_executesql, and a temp table created inside
        // that call is dropped when it returns, before the next step could use it.
        foreach (var (name, sql) in SqlScripts.Steps("sqlserver", path).Where(s => s.Value.Contains("CREATE TABLE #", StringComparison.OrdinalIgnoreCase)))
            Assert.False(sql.Contains('@'), $"{path}, step {name}: creates a temp table and mentions a parameter");
    }

    [Fact]
    public void Tables_SplitOnTopLevelCommas_FindColumnsNotConstraints()
    {
        var tables = Tables("""
            CREATE TABLE dim.[procedure] (  -- a comment, with a comma
                a int NOT NULL CHECK (a IN (1, 2)),
                b decimal(18, 2),
                CONSTRAINT pk PRIMARY KEY (a), UNIQUE (b), FOREIGN KEY (b) REFERENCES x (y)
            );
            """);

        Assert.Equal(["a", "b"], tables["dim.procedure"]);
    }

    private static List<string> ScriptPaths(string dialect)
    {
        var prefix = $"sql/{dialect}/";
        return typeof(SqlScripts).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => n[prefix.Length..])
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Table name (brackets removed) → column names in order.</summary>
    private static Dictionary<string, List<string>> Tables(string script)
    {
        var sql = LineComment().Replace(script, "");
        var tables = new Dictionary<string, List<string>>();
        foreach (Match create in CreateTable().Matches(sql))
        {
            var items = TopLevelItems(sql, create.Index + create.Length);
            tables[Unbracket(create.Groups["name"].Value)] = items
                .Select(item => Unbracket(item.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0]))
                .Where(word => !ConstraintWords.Contains(word.ToUpperInvariant()))
                .ToList();
        }
        return tables;
    }

    private static readonly HashSet<string> ConstraintWords = ["CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "INDEX"];

    /// <summary>The comma-separated items of a parenthesised list that starts right after <paramref name="start"/>.</summary>
    private static List<string> TopLevelItems(string sql, int start)
    {
        var items = new List<string>();
        var depth = 1;
        var itemStart = start;
        for (var i = start; depth > 0; i++)
        {
            switch (sql[i])
            {
                case '(': depth++; break;
                case ')' when --depth == 0:
                case ',' when depth == 1:
                    items.Add(sql[itemStart..i].Trim());
                    itemStart = i + 1;
                    break;
            }
        }
        return items.Where(item => item.Length > 0).ToList();
    }

    private static Dictionary<string, string> Synonyms(string script) =>
        CreateSynonym().Matches(script).ToDictionary(m => m.Groups["flat"].Value, m => Unbracket(m.Groups["target"].Value));

    private static HashSet<string> RenamedTables(string script) =>
        RenameTable().Matches(LineComment().Replace(script, "")).Select(m => m.Groups["from"].Value).ToHashSet();

    private static HashSet<string> Indexes(string script) =>
        CreateIndex().Matches(script).Select(m => m.Groups["name"].Value).ToHashSet();

    private static List<string> Views(string script) =>
        CreateView().Matches(LineComment().Replace(script, "")).Select(m => m.Groups["name"].Value).ToList();

    private static string Unbracket(string name) => name.Replace("[", "").Replace("]", "");

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?<name>[\w.\[\]]+)\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"ALTER\s+TABLE\s+(?<from>\w+)\s+RENAME\s+TO\s+\w+", RegexOptions.IgnoreCase)]
    private static partial Regex RenameTable();

    [GeneratedRegex(@"CREATE\s+SYNONYM\s+dbo\.(?<flat>\w+)\s+FOR\s+(?<target>[\w.\[\]]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateSynonym();

    // SQLite's staging indexes read "CREATE INDEX IF NOT EXISTS temp.name".
    [GeneratedRegex(@"CREATE\s+(?:UNIQUE\s+)?(?:(?:NON)?CLUSTERED\s+)?(?:COLUMNSTORE\s+)?INDEX\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:\w+\.)?(?<name>\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateIndex();

    [GeneratedRegex(@"CREATE\s+VIEW\s+(?<name>[\w.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateView();

    [GeneratedRegex(@"ALTER\s+TABLE\s+\w+\s+RENAME\s+TO\s+(?<to>\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex RenameTargets();

    [GeneratedRegex(@"CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?<name>\w+)\s+ON\s+(?<table>\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex IndexOn();
}
