using System.Reflection;
using System.Text.RegularExpressions;
using IndicatorWarehouse.Warehouse.Dialects.SqlServer;
using IndicatorWarehouse.Warehouse.Loading;
using Microsoft.CodeAnalysis;

namespace IndicatorWarehouse.Tests.Support;

/// <summary>What one place in the C# code sends to SQL Server: its texts, or why they are not read here (checked
/// elsewhere, or not readable without running the code: a failure of the check).</summary>
public sealed record SharedSqlSite(CSharpSqlSite Site, IReadOnlyList<SqlServerText> Texts, string? CheckedElsewhere, string? Unreadable);

/// <summary>Every SQL text the C# code of src/ sends to SQL Server (SQLite's dialect left out): found by
/// <see cref="CSharpSqlSites"/>, read by <see cref="SqlTextReader"/> as SQL Server's dialect gives them, with the
/// parameters the code passes and Dapper's expansion of a list parameter (<c>IN @codes</c>).</summary>
public static partial class SharedSqlTexts
{
    /// <summary>Sites whose text is one of the sql/sqlserver/ scripts chosen at run time, or an analyst's: where those
    /// texts are checked. Only an unreadable site of these members may be left to that check.</summary>
    public static readonly IReadOnlyDictionary<string, string> CheckedElsewhere = new Dictionary<string, string>
    {
        ["MigrationRunner.MigrateAsync"] = "each batch of each migration (SqlServerTexts.Of)",
        ["MeasureBuilder.BuildAsync"] = "the build plan's steps (SqlServerTexts.BuildPlan)",
        ["SnapshotLoader.LoadNewAsync"] = "the steps of load/*.sql (SqlServerTexts.Of)",
        ["SnapshotReverter.RevertOneAsync"] = "the steps of revert/*.sql (SqlServerTexts.Of)",
        ["RevertScript.LaterSnapshotsAsync"] = "the steps of revert/*.sql (SqlServerTexts.Of)",
        ["RevertScript.PreviewAsync"] = "the steps of revert/*.sql (SqlServerTexts.Of)",
        ["AdHocQuery.StreamAsync"] = "analysts' own SQL, refused by the read-only guard unless the server compiles it; the " +
                                     "dashboards' (SqlServerTexts.Dashboards) and the product's own literals (their call sites)",
    };

    /// <summary>Representative values of interpolation holes the code fills from data ("Type.Member: expression").</summary>
    private static readonly IReadOnlyDictionary<string, Func<IEnumerable<string>>> Holes = new Dictionary<string, Func<IEnumerable<string>>>
    {
        // The documented views, from the file the data dictionary reads them from.
        ["DataDictionary.GenerateAsync: name"] = () => File.ReadLines(RepoPaths.Of("src/reference/views.yaml"))
            .Where(l => l.Length > 0 && char.IsLetter(l[0]) && l.TrimEnd().EndsWith(':')).Select(l => l.TrimEnd()[..^1]),
    };

    /// <summary>Texts built at run time from the product's own data, made by the product's own code.</summary>
    private static readonly IReadOnlyDictionary<string, Func<IEnumerable<string>>> Producers = new Dictionary<string, Func<IEnumerable<string>>>
    {
        ["SnapshotLoader.CountSupersededAsync"] = () => LoadTargets().Select(t => SnapshotLoader.SupersededSql(new SqlServerDialect(), t)),
    };

    /// <summary>Each staging target of a load, as declared by the ingest code (static fields of type LoadTarget).</summary>
    public static IEnumerable<LoadTarget> LoadTargets() => typeof(IndicatorWarehouse.Application.Ingest.IngestService).Assembly.GetTypes()
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
        .Where(f => f.FieldType == typeof(LoadTarget)).Select(f => (LoadTarget)f.GetValue(null)!).OrderBy(t => t.Script, StringComparer.Ordinal);

    public static IReadOnlyList<SharedSqlSite> Sites { get; } = Of(CSharpSqlSites.ProductSources(f => !f.Contains("/Dialects/Sqlite/", StringComparison.Ordinal)));

    public static IEnumerable<SqlServerText> Texts => Sites.SelectMany(s => s.Texts);

    /// <summary>The sites of some C# sources and their texts.</summary>
    public static IReadOnlyList<SharedSqlSite> Of(IReadOnlyList<SyntaxTree> sources)
    {
        var reader = new SqlTextReader(sources, Holes);
        var sites = new List<SharedSqlSite>();
        var seen = new Dictionary<string, int>();
        foreach (var site in CSharpSqlSites.In(sources))
        {
            // Two commands at one place (the branches of a choice) keep apart.
            var command = seen[site.ToString()] = seen.GetValueOrDefault(site.ToString()) + 1;
            IReadOnlyList<string> texts;
            try
            {
                texts = Producers.TryGetValue(site.Member, out var produce) ? produce().ToList() : reader.Read(site.Sql);
            }
            catch (UnreadableSqlException e)
            {
                sites.Add(CheckedElsewhere.TryGetValue(site.Member, out var where)
                    ? new SharedSqlSite(site, [], where, null)
                    : new SharedSqlSite(site, [], null, e.Message));
                continue;
            }
            var names = reader.ParameterNames(site.Parameters);
            var distinct = texts.Distinct().ToList();
            var prefix = command > 1 ? $" command {command}" : "";
            sites.Add(new SharedSqlSite(site, distinct.Select((sql, i) => Text(site, prefix + (distinct.Count > 1 ? $" #{i + 1}" : ""), sql, names)).ToList(), null, null));
        }
        return sites;
    }

    private static SqlServerText Text(CSharpSqlSite site, string number, string sql, IReadOnlySet<string>? names)
    {
        // Dapper sends a list parameter as a list of parameters: IN @codes becomes IN (@codes1, @codes2, …).
        var sent = ListParameter().Replace(site.ReadOnlyPath ? TSqlTokens.MarkUnicodeLiterals(sql) : sql, "IN (@$1)");
        // An object of a named type passes its properties, which only the compiler knows: every variable counts as passed.
        var passed = names ?? TSqlCheck.Of(sent).FreeVariables().Select(v => v.TrimStart('@')).ToHashSet();
        var origin = $"{site}{number}" + (names is null ? " [parameters: an object's properties]" : "");
        return new SqlServerText(origin, sent, passed.ToDictionary(p => p, _ => "sql_variant", StringComparer.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"\bIN\s+@(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex ListParameter();
}
