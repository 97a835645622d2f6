using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using IndicatorWarehouse.Warehouse.Build;
using IndicatorWarehouse.Warehouse.Dialects.Sqlite;

namespace IndicatorWarehouse.Benchmarks.Pipeline;

/// <summary>The measure build's own SQL (<see cref="MeasureBuilder.Plan"/>) as one script for the <c>sqlite3</c>
/// shell, parameters written in as literals, in one transaction with the pragmas the warehouse connection sets:
/// the engine's time for the same work, without .NET, Dapper or the derived 766 scores and statuses. The values it
/// commits name <paramref name="ruleSetId"/>, the rule set the build before it recorded, so a kept warehouse can be
/// built again.</summary>
internal static partial class BuildBaseline
{
    public static string Script(DateOnly from, DateOnly to, long ruleSetId, bool hasPakn, bool hasDigitization)
    {
        var script = new StringBuilder($"PRAGMA synchronous=NORMAL;\nPRAGMA threads={SqliteDialect.SortThreads};\nBEGIN IMMEDIATE;\n");
        foreach (var step in MeasureBuilder.Plan("sqlite", from, to, asOf: to, buildId: 0, ruleVersion: "benchmark", ruleSetId: ruleSetId, hasOnestop: true, hasPakn, hasDigitization))
            script.Append("-- ").AppendLine(step.Name)
                .AppendLine(Parameter().Replace(step.Sql, m => Literal(step.Parameters[m.Groups[1].Value])));
        return script.AppendLine("COMMIT;").ToString();
    }

    private static string Literal(object value) => value switch
    {
        string text => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new NotSupportedException($"No SQL literal for {value.GetType().Name}."),
    };

    [GeneratedRegex(@"@([a-z_]+)")]
    private static partial Regex Parameter();
}
