using IndicatorWarehouse.Server.Dashboards;
using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Build;
using IndicatorWarehouse.Warehouse.Dialects.SqlServer;

namespace IndicatorWarehouse.Tests.Support;

/// <summary>One T-SQL text the product sends as one command, where it comes from, and the parameters the code
/// passes with it (name, and its T-SQL type where the values show it, else sql_variant).</summary>
public sealed record SqlServerText(string Origin, string Sql, IReadOnlyDictionary<string, string> Passed)
{
    public override string ToString() => Origin;
}

/// <summary>Every T-SQL text the product can send to SQL Server (the Hangfire/Quartz job store's own SQL excepted):
/// each batch of each migration and of the runner's script, each step of the load, revert, ledger and build scripts,
/// the shipped dashboards' queries, and every statement of the C# code (<see cref="SharedSqlTexts"/>: the SQL Server
/// dialect's and the dialect-neutral code's). Files are found by listing sql/sqlserver/, so a new
/// migration or script is covered without touching this list.</summary>
public static class SqlServerTexts
{
    private static readonly SqlServerDialect Dialect = new();
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    /// <summary>Paths relative to sql/sqlserver/, with forward slashes.</summary>
    public static IReadOnlyList<string> ScriptPaths { get; } = Directory
        .EnumerateFiles(RepoPaths.Of("sql/sqlserver"), "*.sql", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(RepoPaths.Of("sql/sqlserver"), f).Replace('\\', '/'))
        .Order(StringComparer.Ordinal)
        .ToList();

    public static IReadOnlyList<SqlServerText> All { get; } = [.. ScriptPaths.SelectMany(Of), .. BuildPlan(), .. Dashboards(), .. SharedSqlTexts.Texts];

    /// <summary>The commands one script is sent as: migrations and the runner's script batch by batch (split at GO as
    /// the dialect splits them), step scripts step by step with the parameters their callers pass. The build's steps
    /// come from <see cref="BuildPlan"/>, which has their exact parameters.</summary>
    public static IEnumerable<SqlServerText> Of(string path)
    {
        if (path.StartsWith("build/", StringComparison.Ordinal)) yield break;
        var text = File.ReadAllText(RepoPaths.Of("sql/sqlserver/" + path));
        if (!path.Contains('/') || path.StartsWith("runner/", StringComparison.Ordinal))
        {
            var batches = Dialect.SplitBatches(text);
            for (var i = 0; i < batches.Count; i++) yield return new SqlServerText($"{path} batch {i + 1}", batches[i], None);
            yield break;
        }
        // Load, revert and ledger steps run with the parameters their SQLite counterparts name: the same callers bind
        // both, and Microsoft.Data.Sqlite refuses a command whose parameter is not bound, so the SQLite suite proves them.
        // A step SQLite does in memory (the loads' insert_new, …) gets what the loader binds to every step of the script:
        // the parameters the SQLite script names anywhere.
        var steps = SqlScripts.Steps("sqlserver", path);
        var sqliteSteps = SqlScripts.Steps("sqlite", path);
        var sqliteScript = SqlScripts.Get("sqlite", path);
        if (steps.Count == 0)
            yield return new SqlServerText(path, text, Parameters(sqliteScript));
        foreach (var (name, sql) in steps)
            yield return new SqlServerText($"{path} step {name}", sql, Parameters(sqliteSteps.GetValueOrDefault(name, sqliteScript)));
    }

    /// <summary>The measure build's statements exactly as <see cref="MeasureBuilder"/> sends them, with their parameters.</summary>
    public static IEnumerable<SqlServerText> BuildPlan() =>
        MeasureBuilder.Plan("sqlserver", new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 31), new DateOnly(2025, 1, 31), 1, "rules", 1, true, true, true)
            .DistinctBy(step => step.Sql)
            .Select(step => new SqlServerText($"build step {step.Name}", step.Sql,
                step.Parameters.ToDictionary(p => p.Key, p => p.Value switch { int => "int", long => "bigint", _ => "nvarchar(4000)" })));

    /// <summary>Each panel query of the shipped dashboards (dashboards/*.yaml) as the read-only guard runs it: Vietnamese
    /// literals marked N'…', with the filter's parameters typed as the guard declares them to the server.</summary>
    public static IEnumerable<SqlServerText> Dashboards()
    {
        var parameters = new DashboardFilter("TNI.SYT", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)).Parameters;
        var declared = SqlServerReadOnlyGuard.ParameterDeclarations(parameters)!.Split(", ")
            .Select(d => d.Split(' ', 2)).ToDictionary(d => d[0].TrimStart('@'), d => d[1]);
        foreach (var entry in new DashboardCatalog(RepoPaths.Of("dashboards")).All())
            foreach (var panel in (entry.Dashboard?.Panels ?? throw new InvalidOperationException($"{entry.Path}: {entry.Error}")).Where(p => p.RunsSql))
                yield return new SqlServerText($"dashboards/{entry.Slug} «{panel.Title}»", TSqlTokens.MarkUnicodeLiterals(panel.Sql), declared);
    }

    // Load, revert and ledger steps: their types are the caller's, which the SQLite text does not tell.
    private static Dictionary<string, string> Parameters(string sqliteText) =>
        TSqlTokens.Read(sqliteText).Where(t => t.Kind == TSqlTokenKind.Word && t.Text.StartsWith('@'))
            .Select(t => t.Text[1..]).Distinct().ToDictionary(p => p, _ => "sql_variant", StringComparer.OrdinalIgnoreCase);
}
